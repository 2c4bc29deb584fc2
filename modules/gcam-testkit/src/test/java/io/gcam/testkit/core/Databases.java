package io.gcam.testkit.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/** Small JDBC helpers shared by the database tests of this package. */
final class Databases {

    private Databases() {
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static long queryLong(DataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            return queryLong(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static long queryLong(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row: " + sql);
                }
                return rs.getLong(1);
            }
        }
    }

    static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    static boolean tableExists(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Number of sessions waiting for a lock held by another session. H2 does not report a wait for a
     * key inserted by an uncommitted transaction as blocked, so an insert into {@code gcam_sequence}
     * still executing counts as waiting too.
     */
    static long blockedSessions(DataSource dataSource, String kind) {
        String sql = kind.equals("postgresql")
                ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                        + " OR EXECUTING_STATEMENT LIKE 'INSERT INTO gcam_sequence%'";
        return queryLong(dataSource, sql);
    }

    /**
     * Waits until some session waits for a lock, or {@code task} has finished without waiting.
     * Not a timing assertion: the test asserts what happened afterwards.
     */
    static void awaitBlockedOrDone(DataSource dataSource, String kind, Future<?> task) throws InterruptedException {
        while (!task.isDone() && blockedSessions(dataSource, kind) == 0) {
            Thread.sleep(5);
        }
    }
}
