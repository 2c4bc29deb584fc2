package io.gcam.records;

import static io.gcam.records.Fixture.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.AuditVerification;
import io.gcam.core.AuditVerification.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone with write access to the database edits, deletes or reorders custody rows;
 * {@link RecordsService#verifyCustody} names the first broken event. Run on H2 and PostgreSQL.
 */
abstract class CustodyTamperingContract {

    private HikariDataSource pool;
    private Fixture f;
    private RecordId id;
    private RecordId other;

    protected abstract HikariDataSource newPool();

    @BeforeEach
    void fiveEvents() {
        pool = newPool();
        f = new Fixture(pool).filePlan();
        id = f.register("Tracked file", SecurityLevel.INTERNAL).id();
        for (int i = 1; i <= 4; i++) {
            f.records.moveTo(OFFICER, id, "Shelf " + i);
        }
        other = f.register("Another file", SecurityLevel.INTERNAL).id();
        f.records.moveTo(OFFICER, other, "Shelf 9");
        assertThat(f.records.verifyCustody(OFFICER, id).ok()).isTrue();
        assertThat(f.records.verifyCustody(OFFICER, id).entriesChecked()).isEqualTo(5);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void detectsAnEditedEventAtThatEvent() throws SQLException {
        sql("UPDATE gcam_rec_custody SET details = '{\"from\":\"Shelf 1\",\"to\":\"Shredder\"}'"
                + " WHERE record_id = ? AND seq = 3", id.value());

        assertBrokenAt(3, Reason.ENTRY_ALTERED);
    }

    @Test
    void detectsAnEditedActorAtThatEvent() throws SQLException {
        sql("UPDATE gcam_rec_custody SET actor_id = 'someone-else' WHERE record_id = ? AND seq = 2", id.value());

        assertBrokenAt(2, Reason.ENTRY_ALTERED);
    }

    @Test
    void detectsADeletedEventAtItsIndex() throws SQLException {
        sql("DELETE FROM gcam_rec_custody WHERE record_id = ? AND seq = 3", id.value());

        assertBrokenAt(3, Reason.ENTRY_MISSING);
    }

    @Test
    void detectsADeletedNewestEvent() throws SQLException {
        sql("DELETE FROM gcam_rec_custody WHERE record_id = ? AND seq = 5", id.value());

        assertBrokenAt(5, Reason.TAIL_MISSING);
    }

    @Test
    void detectsTwoReorderedEventsAtTheFirstOfThem() throws SQLException {
        sql("UPDATE gcam_rec_custody SET seq = -1 WHERE record_id = ? AND seq = 2", id.value());
        sql("UPDATE gcam_rec_custody SET seq = 2 WHERE record_id = ? AND seq = 4", id.value());
        sql("UPDATE gcam_rec_custody SET seq = 4 WHERE record_id = ? AND seq = -1", id.value());

        assertBrokenAt(2, Reason.ENTRY_ALTERED);
    }

    @Test
    void detectsAnEventCopiedFromAnotherRecordsChain() throws SQLException {
        sql("DELETE FROM gcam_rec_custody WHERE record_id = ? AND seq = 2", id.value());
        sql("INSERT INTO gcam_rec_custody (record_id, seq, actor_id, actor_kind, actor_agency, action, occurred_at, details,"
                + " previous_hash, entry_hash) SELECT ?, seq, actor_id, actor_kind, actor_agency, action, occurred_at, details,"
                + " previous_hash, entry_hash FROM gcam_rec_custody WHERE record_id = ? AND seq = 2", id.value(), other.value());

        assertBrokenAt(2, Reason.ENTRY_ALTERED);
    }

    private void assertBrokenAt(long index, Reason reason) {
        AuditVerification result = f.records.verifyCustody(OFFICER, id);
        assertThat(result.ok()).isFalse();
        assertThat(result.failure().index()).isEqualTo(index);
        assertThat(result.failure().reason()).isEqualTo(reason);
        assertThat(result.entriesChecked()).isEqualTo(Math.min(index - 1, 4));
        assertThat(f.records.verifyCustody(OFFICER, other).ok()).isTrue();
    }

    private void sql(String sql, Object... params) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
