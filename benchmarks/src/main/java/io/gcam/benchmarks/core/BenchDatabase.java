package io.gcam.benchmarks.core;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.jdbc.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh in-memory H2 database behind a HikariCP pool, migrated with gcam-core's migrations.
 *
 * <p>In memory on purpose: the benchmarks compare what GCAM does on top of the database (hashing,
 * canonical JSON, row locks, extra statements) with a plain JDBC baseline, and a disk's flush
 * latency would drown that difference in noise that is not GCAM's. Absolute figures on PostgreSQL,
 * where every commit waits for the write-ahead log, are lower for both sides.
 */
final class BenchDatabase implements AutoCloseable {

    private final HikariDataSource pool;

    private BenchDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * @param name a label for the database's name
     * @return a migrated, empty database
     */
    static BenchDatabase open(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:gcam-bench-" + name + "-" + UUID.randomUUID());
        config.setUsername("sa");
        config.setPassword("");
        // The pool keeps its connections open, which keeps the in-memory database alive until close().
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(8);
        config.setMaxLifetime(0);
        config.setPoolName("bench-" + name);
        HikariDataSource pool = new HikariDataSource(config);
        Migrations.migrate(pool, "core");
        return new BenchDatabase(pool);
    }

    /** @return the plain pooled data source (auto-commit connections) */
    DataSource dataSource() {
        return pool;
    }

    /**
     * Runs DDL or maintenance statements in one auto-commit connection.
     *
     * @param statements SQL statements, run in order
     */
    void execute(String... statements) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark set-up failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
