package io.gcam.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import io.gcam.core.AuditTrail;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.core.spi.AuditStore;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit kit on {@link JdbcAuditStore}, tampering through SQL, plus what only a JDBC store does. */
abstract class JdbcAuditStoreContract extends AuditStoreCompatibilityKit {

    private HikariDataSource pool;
    private LocalTransactions transactions;

    /** @return a new, empty database */
    protected abstract TestDatabase database();

    @Override
    protected AuditStore createStore() {
        pool = database().newPool(10);
        Migrations.migrate(pool, "core");
        transactions = LocalTransactions.over(pool);
        return new JdbcAuditStore(transactions.dataSource());
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Override
    protected void overwriteEntry(AuditEntry forged) {
        execute("UPDATE gcam_audit_entry SET actor_id = ?, actor_kind = ?, actor_agency = ?, action = ?,"
                + " object_type = ?, object_id = ?, occurred_at = ?, details = ?, previous_hash = ?, entry_hash = ?"
                + " WHERE seq = ?",
                forged.actor().subjectId(), forged.actor().kind().name(), forged.actor().agency(), forged.action(),
                forged.objectType(), forged.objectId(), OffsetDateTime.ofInstant(forged.at(), ZoneOffset.UTC),
                forged.details(), forged.previousHash(), forged.hash(), forged.index());
    }

    @Override
    protected void deleteEntry(long index) {
        execute("DELETE FROM gcam_audit_entry WHERE seq = ?", index);
    }

    @Override
    protected void swapEntries(long first, long second) {
        execute("UPDATE gcam_audit_entry SET seq = -1 WHERE seq = ?", first);
        execute("UPDATE gcam_audit_entry SET seq = ? WHERE seq = ?", first, second);
        execute("UPDATE gcam_audit_entry SET seq = ? WHERE seq = -1", second);
    }

    @Test
    void rollsBackTheEntryWithTheCallersTransaction() throws SQLException {
        execute("CREATE TABLE business_change (id VARCHAR(20) PRIMARY KEY)");
        AuditTrail trail = trail();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            execute(transactions, "INSERT INTO business_change (id) VALUES ('APP-1')");
            trail.append(REVIEWER, "application.approved", "application", "APP-1", null);
            throw new IllegalStateException("business rule failed after auditing");
        })).hasMessage("business rule failed after auditing");

        assertThat(count("business_change")).isZero();
        assertThat(count("gcam_audit_entry")).isZero();
        assertThat(trail.head()).isEqualTo(AuditHead.genesis());

        AuditEntry committed = transactions.inTransaction(() -> {
            execute(transactions, "INSERT INTO business_change (id) VALUES ('APP-2')");
            return trail.append(REVIEWER, "application.approved", "application", "APP-2", null);
        });

        assertThat(committed.index()).isEqualTo(1);
        assertThat(committed.previousHash()).isEqualTo(AuditHead.GENESIS_HASH);
        assertThat(count("business_change")).isEqualTo(1);
        assertThat(trail.head()).isEqualTo(committed.asHead());
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void commitsOnItsOwnOutsideATransaction() throws SQLException {
        trail().append(REVIEWER, "application.approved", "application", "APP-1", Map.of("level", 1));

        // a second, independent pool sees the entry and the moved head at once
        try (HikariDataSource other = database().newPool(1)) {
            AuditTrail elsewhere = AuditTrail.builder().store(new JdbcAuditStore(other)).clock(Clock.systemUTC()).build();
            assertThat(elsewhere.head().index()).isEqualTo(1);
            assertThat(elsewhere.verify().ok()).isTrue();
        }
        assertThat(count("gcam_audit_entry")).isEqualTo(1);
    }

    @Test
    void storesOfTwoInstancesTakingTurnsExtendOneChain() throws SQLException {
        // each store remembers the head it appended last; after the other instance's append, or after
        // its own transaction rolled back, that head is stale and the store must not build on it
        AuditTrail first = trail();
        try (HikariDataSource otherPool = database().newPool(2)) {
            LocalTransactions otherTransactions = LocalTransactions.over(otherPool);
            AuditTrail second = AuditTrail.builder().store(new JdbcAuditStore(otherTransactions.dataSource()))
                    .clock(Clock.systemUTC()).build();

            first.append(REVIEWER, "a.one", "application", "APP-1", null);
            first.append(REVIEWER, "a.two", "application", "APP-1", null);
            second.append(REVIEWER, "b.one", "application", "APP-2", null);
            first.append(REVIEWER, "a.three", "application", "APP-1", null);
            assertThatThrownBy(() -> otherTransactions.inTransaction(() -> {
                second.append(REVIEWER, "b.undone", "application", "APP-2", null);
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");
            second.append(REVIEWER, "b.two", "application", "APP-2", null);
            first.append(REVIEWER, "a.four", "application", "APP-1", null);
            AuditEntry last = second.append(REVIEWER, "b.three", "application", "APP-2", null);

            assertThat(last.index()).isEqualTo(7);
            assertThat(count("gcam_audit_entry")).isEqualTo(7);
            assertThat(first.head()).isEqualTo(last.asHead());
            assertThat(first.verify().ok()).isTrue();
            assertThat(first.entries(1, 10)).extracting(AuditEntry::action)
                    .containsExactly("a.one", "a.two", "b.one", "a.three", "b.two", "a.four", "b.three");
        }
    }

    @Test
    void refusesASecondEntryAfterTheSameHashEvenWhenWrittenDirectly() {
        AuditEntry first = trail().append(REVIEWER, "application.approved", "application", "APP-1", null);

        assertThatThrownBy(() -> execute("INSERT INTO gcam_audit_entry (seq, actor_id, actor_kind, action, object_type,"
                + " object_id, occurred_at, details, previous_hash, entry_hash) VALUES (2, 'x', 'STAFF', 'a', 't', 'o', ?,"
                + " '{}', ?, ?)", OffsetDateTime.now(ZoneOffset.UTC), AuditHead.GENESIS_HASH, first.hash()))
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void reportsAMissingMigrationClearly() {
        execute("DELETE FROM gcam_audit_head");

        assertThatThrownBy(() -> trail().append(Actor.system("worker"), "a.b", "t", "o", null))
                .hasMessageContaining("Migrations.migrate");
    }

    private long count(String table) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection c = pool.getConnection()) {
            execute(c, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(LocalTransactions transactions, String sql) {
        try (Connection c = transactions.dataSource().getConnection()) {
            execute(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
