package io.gcam.testsupport.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Real databases for tests.
 *
 * <ul>
 *   <li>{@link #postgres()} starts one embedded PostgreSQL server per JVM (first call; stopped at JVM
 *       exit) and creates a new, empty database for every call, so tests never see each other's
 *       rows.</li>
 *   <li>{@link #h2()} creates a new private in-memory H2 database.</li>
 * </ul>
 *
 * <p>Each returns a {@link TestDatabase} that can open several independent connection pools on the
 * same database, to prove guarantees that must hold across application instances.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static @Nullable EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /**
     * @return a new empty database on the JVM-wide embedded PostgreSQL server
     */
    public static TestDatabase postgres() {
        EmbeddedPostgres server = server();
        String name = "gcam_test_" + COUNTER.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        String url = server.getJdbcUrl("postgres", name);
        return new TestDatabase("postgresql", url, "postgres", "postgres");
    }

    /**
     * @return a new private in-memory H2 database, kept open until the JVM exits
     */
    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:gcam_test_" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase("h2", url, "sa", "");
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                // EmbeddedPostgres registers its own shutdown hook that stops the server at JVM exit;
                // a second hook of ours would only race it.
                postgres = started;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    /**
     * One test database.
     *
     * @param kind {@code postgresql} or {@code h2}
     * @param jdbcUrl JDBC URL of the database
     * @param user user name
     * @param password password
     */
    public record TestDatabase(String kind, String jdbcUrl, String user, String password) {

        /**
         * Opens a new connection pool on this database. Call it twice to get two independent pools,
         * as two application instances would have.
         *
         * @param maxConnections pool size
         * @return a pooled data source; close it when done
         */
        public HikariDataSource newPool(int maxConnections) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(maxConnections);
            config.setPoolName("gcam-test-" + kind + "-" + COUNTER.incrementAndGet());
            return new HikariDataSource(config);
        }

        /** @return a pool of 10 connections on this database */
        public DataSource dataSource() {
            return newPool(10);
        }

        @Override
        public String toString() {
            return kind;
        }
    }
}
