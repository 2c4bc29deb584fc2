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
 * an exception anywhere inside rolls the whole transaction back. Inside a transaction, a store's
 * {@code commit()} on that connection does nothing and its {@code rollback()} marks the whole
 * transaction for rollback; savepoints work as usual.
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

    /**
     * {@inheritDoc}
     *
     * <p>When an inner call failed (or a store rolled the connection back) but the failure was caught
     * before reaching the outermost call, the transaction is rolled back all the same and the
     * outermost call throws {@code TRANSACTION_ROLLED_BACK} instead of returning as if its work had
     * been saved.
     *
     * @throws GcamException {@code STORAGE_FAILURE} when the database cannot begin or commit the
     *     transaction; {@code TRANSACTION_ROLLED_BACK} as described above
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        Tx tx = current.get();
        if (tx != null) {
            try {
                return work.get();
            } catch (Throwable e) {
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
        } catch (Throwable e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            current.remove();
        }
        try {
            if (started.rollbackOnly) {
                connection.rollback();
                throw new GcamException(CoreErrorCode.TRANSACTION_ROLLED_BACK);
            }
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        } finally {
            closeQuietly(connection);
        }
    }

    private Connection open() {
        Connection connection = null;
        try {
            connection = target.getConnection();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            GcamException failure = new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
            if (connection != null) {
                closeQuietly(connection);
            }
            throw failure;
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
            return tx == null ? target.getConnection() : bound(tx);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            Tx tx = current.get();
            return tx == null ? target.getConnection(username, password) : bound(tx);
        }

        private Connection bound(Tx tx) {
            InvocationHandler handler = (proxy, method, args) -> invokeBound(tx, proxy, method, args);
            return (Connection) Proxy.newProxyInstance(
                    LocalTransactions.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }

        private @Nullable Object invokeBound(Tx tx, Object proxy, Method method, Object @Nullable [] args)
                throws Throwable {
            Connection connection = tx.connection;
            switch (method.getName()) {
                case "close", "commit":
                    if (method.getParameterCount() == 0) {
                        return null; // the transaction owner decides
                    }
                    break;
                case "rollback":
                    if (method.getParameterCount() == 0) {
                        tx.rollbackOnly = true; // undone when the owner ends the transaction
                        return null;
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
