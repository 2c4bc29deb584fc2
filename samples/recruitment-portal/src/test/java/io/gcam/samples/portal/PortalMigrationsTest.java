package io.gcam.samples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The portal's own tables migrate on PostgreSQL and H2 and hold the subject ids an eID provider may send. */
class PortalMigrationsTest {

    static Stream<TestDatabase> databases() {
        return Stream.of(TestDatabases.h2(), TestDatabases.postgres());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesSubjectIdsOf255Characters(TestDatabase db) throws SQLException {
        DataSource ds = db.dataSource();
        Migrations.migrate(ds, "core");
        Migrations.migrate(ds, "portal");
        String subject = "urn:mo:eid:" + "9".repeat(244);
        assertThat(subject).hasSize(255);
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO portal_user (username, subject_id, kind, agency, roles) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, "oidc-long");
                insert.setString(2, subject);
                insert.setString(3, "APPLICANT");
                insert.setString(4, null);
                insert.setString(5, "");
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO portal_note (id, owner_subject, text, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
                insert.setString(1, "n-1");
                insert.setString(2, subject);
                insert.setString(3, "note");
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT u.subject_id FROM portal_user u JOIN portal_note n ON n.owner_subject = u.subject_id");
                    ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(subject);
            }
        }
    }
}
