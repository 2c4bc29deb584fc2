package io.gcam.core.jdbc;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.spi.TransactionRunner;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link TransactionRunner}: plain JDBC transactions on one {@link DataSource}, bound to
 * the calling thread.
 *
 * <p>Give GCAM's JDBC stores {@link #dataSource()}, not the raw data source: inside
 * {@link #inTransaction(Supplier)} it hands out the transaction's connection (closing it is a no-op),
 * outside it hands out ordinary auto-commit connections. Nested calls join the outer transaction;
 * an exception anywhere inside rolls the whole transaction back.
 *
 * <pre>{@code
 * LocalTransactions tx = LocalTransactions.over(pooledDataSource);
 * DataSource ds = tx.dataSource();          // give this to the JDBC stores
 * tx.inTransaction(() -> { store.save(...); audit.append(...); });
 * }</pre>
 */
public final class LocalTransactions implements TransactionRunner {

    private final DataSource target;
    private final DataSource transactional;
    private final ThreadLocal<@Nullable Tx> current = new ThreadLocal<>();

    private LocalTransactions(DataSource target) {
        this.target = Objects.requireNonNull(target, "dataSource");
        this.transactional = new TransactionAwareDataSource();
    }

    /**
     * @param dataSource the pooled data source to run transactions on
     * @return a runner whose {@link #dataSource()} joins its transactions
     */
    public static LocalTransactions over(DataSource dataSource) {
        return new LocalTransactions(dataSource);
    }

    /** The transaction-aware data source to give to JDBC stores. */
    public DataSource dataSource() {
        return transactional;
    }

    /** @return whether the calling thread is inside {@link #inTransaction(Supplier)} of this runner */
    public boolean isActive() {
        return current.get() != null;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Tx tx = current.get();
        if (tx != null) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                tx.rollbackOnly = true;
                throw e;
            }
        }
        Connection connection = open();
        Tx started = new Tx(connection);
        current.set(started);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            current.remove();
        }
        try {
            if (started.rollbackOnly) {
                connection.rollback();
            } else {
                connection.commit();
            }
            return result;
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        } finally {
            closeQuietly(connection);
        }
    }

    private Connection open() {
        try {
            Connection connection = target.getConnection();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
                connection.close();
            }
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
    }

    private static final class Tx {
        final Connection connection;
        boolean rollbackOnly;

        Tx(Connection connection) {
            this.connection = connection;
        }
    }

    /** Returns the bound connection (with close, commit and rollback suppressed) inside a transaction. */
    private final class TransactionAwareDataSource implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            Tx tx = current.get();
            return tx == null ? target.getConnection() : bound(tx.connection);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            Tx tx = current.get();
            return tx == null ? target.getConnection(username, password) : bound(tx.connection);
        }

        private Connection bound(Connection connection) {
            InvocationHandler handler = (proxy, method, args) -> invokeBound(connection, proxy, method, args);
            return (Connection) Proxy.newProxyInstance(
                    LocalTransactions.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }

        private @Nullable Object invokeBound(Connection connection, Object proxy, Method method, Object @Nullable [] args)
                throws Throwable {
            switch (method.getName()) {
                case "close", "commit", "rollback":
                    if (method.getParameterCount() == 0) {
                        return null; // the transaction owner decides
                    }
                    break;
                case "setAutoCommit":
                    return null;
                case "isClosed":
                    return connection.isClosed();
                case "equals":
                    return proxy == (args == null ? null : args[0]);
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "unwrap":
                    if (args != null && args[0] == Connection.class) {
                        return proxy;
                    }
                    break;
                default:
                    break;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(this) || target.isWrapperFor(iface);
        }
    }
}
