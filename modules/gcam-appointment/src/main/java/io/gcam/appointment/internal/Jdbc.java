package io.gcam.appointment.internal;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Connection handling shared by the JDBC stores of gcam-appointment. */
public final class Jdbc {

    /** SQLSTATE of a unique violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Function<SQLException, GcamException> translate;

    /**
     * @param dataSource a transaction-aware data source
     * @param translate turns an SQL failure into the store's exception
     */
    public Jdbc(DataSource dataSource, Function<SQLException, GcamException> translate) {
        this.dataSource = dataSource;
        this.translate = translate;
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        /**
         * @param connection the connection
         * @return the result
         * @throws SQLException when the database fails
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * @param work work that needs no transaction of its own
     * @param <T> the result type
     * @return its result
     */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate.apply(e);
        }
    }

    /**
     * @param work work that must be atomic: joins the caller's transaction, or runs in one of its own
     * @param <T> the result type
     * @return its result
     */
    public <T> T atomically(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean own = c.getAutoCommit();
            if (own) {
                c.setAutoCommit(false);
            }
            try {
                T result = work.run(c);
                if (own) {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                if (own) {
                    try {
                        c.rollback();
                    } catch (SQLException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                }
                throw e;
            } finally {
                if (own) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw translate.apply(e);
        }
    }

    /**
     * Runs an INSERT that may lose a race to an identical one; a unique violation is ignored (inside a
     * savepoint, so that PostgreSQL's transaction stays usable).
     *
     * @param c the connection, in a transaction
     * @param sql the insert
     * @param args its arguments
     * @throws SQLException on any other failure
     */
    public static void insertIfAbsent(Connection c, String sql, Object... args) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            update(c, sql, args);
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(savepoint);
        }
    }

    /**
     * @param c a connection
     * @param sql a statement
     * @param args its arguments ({@link Instant}s are bound as UTC timestamps)
     * @return the update count
     * @throws SQLException when the database fails
     */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        }
    }

    /**
     * @param c a connection
     * @param sql a query
     * @param args its arguments
     * @return the prepared statement; the caller closes it
     * @throws SQLException when the database fails
     */
    public static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i];
                s.setObject(i + 1, arg instanceof Instant instant ? timestamp(instant) : arg);
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * @param instant an instant
     * @return it as a UTC timestamp for JDBC
     */
    public static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * @param rs a result set
     * @param column a TIMESTAMP WITH TIME ZONE column
     * @return its value, or {@code null}
     * @throws SQLException when the database fails
     */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * @param e an SQL failure
     * @return {@code STORAGE_FAILURE}
     */
    public static GcamException storageFailure(SQLException e) {
        return new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
    }
}
