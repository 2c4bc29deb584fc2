package io.gcam.samples.portal;

import io.gcam.core.Actor;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.ValidationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** A tiny demo resource: notes an actor keeps for themselves (table {@code portal_note}). */
final class Notes {

    static final int MAX_LENGTH = 2000;

    /**
     * A note.
     *
     * @param id its id
     * @param text its text
     * @param createdAt when it was written
     */
    record Note(String id, String text, Instant createdAt) {
    }

    /**
     * The body of {@code POST /api/v1/notes}.
     *
     * @param text the note, 1 to 2000 characters
     */
    record NewNote(@Nullable String text) {
        NewNote {
            if (text == null || text.isBlank()) {
                throw ValidationException.of("text", LocalizedText.of(
                        "Enter the text of the note.", "請輸入筆記內容。", "Introduza o texto da nota."));
            }
            if (text.length() > MAX_LENGTH) {
                throw ValidationException.of("text", LocalizedText.of(
                        "Keep the note to 2000 characters or fewer.", "筆記不得超過 2000 個字元。",
                        "A nota não pode ter mais de 2000 caracteres."));
            }
        }
    }

    private final DataSource dataSource;
    private final Clock clock;

    Notes(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    Note create(Actor actor, String text) {
        Note note = new Note(UUID.randomUUID().toString(), text, clock.instant());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO portal_note (id, owner_subject, text, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, note.id());
            ps.setString(2, actor.subjectId());
            ps.setString(3, note.text());
            ps.setTimestamp(4, Timestamp.from(note.createdAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
        return note;
    }

    /** @throws NotFoundException when there is no such note or it belongs to someone else */
    Note get(Actor actor, String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT text, created_at FROM portal_note WHERE id = ? AND owner_subject = ?")) {
            ps.setString(1, id);
            ps.setString(2, actor.subjectId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(LocalizedText.of("note", "筆記", "nota"), id);
                }
                return new Note(id, rs.getString(1), rs.getTimestamp(2).toInstant());
            }
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    long count() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM portal_note");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }
}
