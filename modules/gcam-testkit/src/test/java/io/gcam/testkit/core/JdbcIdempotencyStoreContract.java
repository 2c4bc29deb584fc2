package io.gcam.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.core.spi.IdempotencyStore;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The idempotency kit on {@link JdbcIdempotencyStore}, plus what only a JDBC store does. */
abstract class JdbcIdempotencyStoreContract extends IdempotencyStoreCompatibilityKit {

    private HikariDataSource pool;
    private LocalTransactions transactions;

    /** @return a new, empty database */
    protected abstract TestDatabase database();

    @Override
    protected IdempotencyStore createStore() {
        pool = database().newPool(16);
        Migrations.migrate(pool, "core");
        transactions = LocalTransactions.over(pool);
        return new JdbcIdempotencyStore(transactions.dataSource());
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void keepsTheKeyAndTheChangeTogetherInsideTheCallersTransaction() throws SQLException {
        IdempotentExecutor executor = executor();
        Actor applicant = Actor.applicant("applicant-9");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            executor.execute(applicant, "key-1", "request", () -> "REG-1");
            throw new IllegalStateException("the surrounding change failed");
        })).hasMessage("the surrounding change failed");
        assertThat(rows()).as("the rolled back transaction left no key").isZero();

        String stored = transactions.inTransaction(() -> executor.execute(applicant, "key-1", "request", () -> "REG-2"));
        String replayed = transactions.inTransaction(() -> executor.execute(applicant, "key-1", "request", () -> "REG-3"));

        assertThat(stored).isEqualTo("REG-2");
        assertThat(replayed).isEqualTo("REG-2");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void leavesTheCallersTransactionUsableAfterLosingTheInsertRace() {
        IdempotentExecutor executor = executor();
        Actor applicant = Actor.applicant("applicant-9");
        executor.execute(applicant, "key-1", "request", () -> "REG-1");

        // the claim's insert fails on the primary key inside this transaction; the transaction goes on
        String result = transactions.inTransaction(() -> {
            String replayed = executor.execute(applicant, "key-1", "request", () -> "REG-2");
            String fresh = executor.execute(applicant, "key-2", "request", () -> "REG-3");
            return replayed + "," + fresh;
        });

        assertThat(result).isEqualTo("REG-1,REG-3");
    }

    @Test
    void isSharedByTwoApplicationInstances() {
        IdempotentExecutor here = executor();
        try (HikariDataSource otherPool = database().newPool(2)) {
            IdempotentExecutor there = IdempotentExecutor.builder()
                    .store(new JdbcIdempotencyStore(otherPool))
                    .clock(clock())
                    .build();
            Actor applicant = Actor.applicant("applicant-9");

            here.execute(applicant, "key-1", "request", () -> "REG-1");

            assertThat(there.execute(applicant, "key-1", "request", () -> "REG-2")).isEqualTo("REG-1");
        }
    }

    private long rows() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM gcam_idempotency_key")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
