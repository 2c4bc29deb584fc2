package io.gcam.samples.portal;

import io.gcam.core.Actor;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The portal's user accounts (table {@code portal_user}), and the demo users seeded in demo mode. */
final class DemoUsers {

    /** The agency of the demo staff members, but for DSAL's employment officer {@code officer1}. */
    static final String AGENCY = "SAFP";

    /** The seeded users, in the order shown on the home page. */
    static final List<DemoUser> SEED = List.of(
            new DemoUser("applicant1", Actor.applicant("demo-applicant1")),
            new DemoUser("applicant2", Actor.applicant("demo-applicant2")),
            new DemoUser("applicant3", Actor.applicant("demo-applicant3")),
            new DemoUser("reviewer1", Actor.staff("demo-reviewer1", AGENCY, "REVIEWER")),
            new DemoUser("approver1", Actor.staff("demo-approver1", AGENCY, "APPROVER")),
            new DemoUser("admin1", Actor.staff("demo-admin1", AGENCY, "ADMIN")),
            new DemoUser("editor1", Actor.staff("demo-editor1", AGENCY, "CATALOG_EDITOR")),
            new DemoUser("officer1", Actor.staff("demo-officer1", "DSAL", "OFFICER")));

    /**
     * A user account.
     *
     * @param username the login name
     * @param actor who the user acts as
     */
    record DemoUser(String username, Actor actor) {
    }

    private final DataSource dataSource;

    DemoUsers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds the seeded users that are not there yet. */
    void seed() {
        for (DemoUser user : SEED) {
            if (find(user.username()).isEmpty()) {
                insert(user);
            }
        }
    }

    Optional<Actor> find(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT subject_id, kind, agency, roles FROM portal_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String roles = rs.getString(4);
                return Optional.of(new Actor(rs.getString(1), Actor.Kind.valueOf(rs.getString(2)), rs.getString(3),
                        roles == null || roles.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(Arrays.asList(roles.split(",")))));
            }
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    /** Adds an applicant account (signed in by one-time code or eID) unless it exists. */
    void ensureApplicant(String username, String subjectId) {
        if (find(username).isEmpty()) {
            insert(new DemoUser(username, Actor.applicant(subjectId)));
        }
    }

    private void insert(DemoUser user) {
        Actor actor = user.actor();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO portal_user (username, subject_id, kind, agency, roles) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, user.username());
            ps.setString(2, actor.subjectId());
            ps.setString(3, actor.kind().name());
            ps.setString(4, actor.agency());
            ps.setString(5, String.join(",", actor.roles().stream().sorted().toList()));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!isDuplicate(e)) {
                throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
            }
        }
    }

    static boolean isDuplicate(@Nullable SQLException e) {
        return e != null && e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
