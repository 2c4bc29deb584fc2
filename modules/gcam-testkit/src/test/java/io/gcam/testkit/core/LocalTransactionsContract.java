package io.gcam.testkit.core;

import static io.gcam.testkit.core.Databases.execute;
import static io.gcam.testkit.core.Databases.queryLong;
import static io.gcam.testkit.core.Databases.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.GcamException;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.spi.TransactionRunner;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guarantees of {@link LocalTransactions}, run on H2 and PostgreSQL by the subclasses. */
abstract class LocalTransactionsContract {

    TestDatabase database;
    HikariDataSource pool;
    HikariDataSource otherInstance;
    LocalTransactions tx;

    abstract TestDatabase database();

    @BeforeEach
    void setUp() {
        database = database();
        pool = database.newPool(1); // one connection: a leaked connection shows as a failure to connect
        pool.getHikariConfigMXBean().setConnectionTimeout(5_000);
        otherInstance = database.newPool(2);
        execute(pool, "CREATE TABLE item (id BIGINT NOT NULL PRIMARY KEY)");
        tx = LocalTransactions.over(pool);
    }

    @AfterEach
    void tearDown() {
        pool.close();
        otherInstance.close();
    }

    @Test
    void commitsWhenWorkReturns() {
        String result = tx.inTransaction(() -> {
            insert(1);
            insert(2);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(committedItems()).isEqualTo(2);
        assertThat(tx.isActive()).isFalse();
    }

    @Test
    void commitsRunnableWork() {
        TransactionRunner runner = tx;

        runner.inTransaction(() -> insert(1));

        assertThat(committedItems()).isEqualTo(1);
    }

    @Test
    void rollsBackAndRethrowsTheSameExceptionWhenWorkThrows() {
        IllegalStateException failure = new IllegalStateException("boom");

        Throwable thrown = catchThrowable(() -> tx.inTransaction(() -> {
            insert(1);
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(committedItems()).isZero();
        assertThat(tx.isActive()).isFalse();
        tx.inTransaction(() -> insert(2)); // the connection went back to the pool
        assertThat(committedItems()).isEqualTo(1);
    }

    @Test
    void rollsBackWhenWorkThrowsAnError() {
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            insert(1);
            throw new AssertionError("error");
        })).isInstanceOf(AssertionError.class);

        assertThat(committedItems()).isZero();
    }

    @Test
    void rollsBackAndReleasesTheConnectionWhenWorkThrowsACheckedExceptionUndeclared() {
        Throwable thrown = catchThrowable(() -> tx.inTransaction(() -> {
            insert(1);
            return sneakyThrow(new IOException("checked"));
        }));

        assertThat(thrown).isInstanceOf(IOException.class);
        assertThat(committedItems()).isZero();
        tx.inTransaction(() -> insert(2)); // fails to get a connection if the first one leaked
        assertThat(committedItems()).isEqualTo(1);
    }

    @Test
    void nestedCallsJoinTheOuterTransaction() {
        tx.inTransaction(() -> {
            insert(1);
            tx.inTransaction(() -> {
                assertThat(tx.isActive()).isTrue();
                assertThat(itemsSeenInside()).as("the inner call sees the outer call's row").isEqualTo(1);
                insert(2);
            });
            assertThat(committedItems()).as("nothing is committed when the inner call returns").isZero();
            insert(3);
        });

        assertThat(committedItems()).isEqualTo(3);
    }

    @Test
    void anExceptionFromAnInnerCallRollsBackTheOuterTransaction() {
        IllegalStateException failure = new IllegalStateException("inner");

        Throwable thrown = catchThrowable(() -> tx.inTransaction(() -> {
            insert(1);
            tx.inTransaction(() -> {
                insert(2);
                throw failure;
            });
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(committedItems()).isZero();
    }

    @Test
    void anInnerFailureCaughtByTheOuterCallStillRollsBackAndIsReported() {
        Throwable thrown = catchThrowable(() -> tx.inTransaction(() -> {
            insert(1);
            try {
                tx.inTransaction(() -> {
                    insert(2);
                    throw new IllegalStateException("inner");
                });
            } catch (IllegalStateException swallowed) {
                // the caller carries on as if nothing happened
            }
            insert(3);
            return "looks fine";
        }));

        assertThat(thrown).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("TRANSACTION_ROLLED_BACK"));
        assertThat(committedItems()).isZero();
        tx.inTransaction(() -> insert(4)); // connection released
        assertThat(committedItems()).isEqualTo(1);
    }

    @Test
    void aStoreRollingBackTheSharedConnectionRollsBackTheWholeTransaction() {
        Throwable thrown = catchThrowable(() -> tx.inTransaction(() -> {
            insert(1);
            withConnection(Connection::rollback);
        }));

        assertThat(thrown).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("TRANSACTION_ROLLED_BACK"));
        assertThat(committedItems()).isZero();
    }

    @Test
    void aStoreCannotCommitOrCloseTheSharedConnection() {
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            withConnection(c -> {
                update(c, "INSERT INTO item (id) VALUES (1)");
                c.setAutoCommit(true);
                c.commit();
                c.close();
            });
            assertThat(itemsSeenInside()).as("the transaction's connection is still open").isEqualTo(1);
            throw new IllegalStateException("later failure");
        })).hasMessage("later failure");

        assertThat(committedItems()).as("the store's commit did not commit").isZero();
    }

    @Test
    void savepointsOnTheSharedConnectionWork() {
        tx.inTransaction(() -> withConnection(c -> {
            update(c, "INSERT INTO item (id) VALUES (1)");
            Savepoint savepoint = c.setSavepoint();
            update(c, "INSERT INTO item (id) VALUES (2)");
            c.rollback(savepoint);
            update(c, "INSERT INTO item (id) VALUES (3)");
        }));

        assertThat(committedItems()).isEqualTo(2);
        assertThat(queryLong(otherInstance, "SELECT SUM(id) FROM item")).isEqualTo(4);
    }

    @Test
    void outsideATransactionTheDataSourceGivesAutoCommitConnections() throws SQLException {
        try (Connection c = tx.dataSource().getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            update(c, "INSERT INTO item (id) VALUES (1)");
            assertThat(committedItems()).as("visible to others without a commit").isEqualTo(1);
        }
        assertThat(tx.isActive()).isFalse();
    }

    @Test
    void aTransactionBelongsToTheThreadThatStartedIt() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (HikariDataSource twoConnections = database.newPool(2)) {
            LocalTransactions wide = LocalTransactions.over(twoConnections);
            wide.inTransaction(() -> {
                insertVia(wide, 1);
                Boolean[] seenFromOtherThread = new Boolean[3];
                try {
                    other.submit(() -> {
                        seenFromOtherThread[0] = wide.isActive();
                        try (Connection c = wide.dataSource().getConnection()) {
                            seenFromOtherThread[1] = c.getAutoCommit();
                            seenFromOtherThread[2] = queryLong(c, "SELECT COUNT(*) FROM item") == 1;
                        }
                        return null;
                    }).get(1, TimeUnit.MINUTES);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                assertThat(seenFromOtherThread).containsExactly(false, true, false);
            });
        } finally {
            other.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------

    interface ConnectionWork {
        void run(Connection c) throws SQLException;
    }

    void withConnection(ConnectionWork work) {
        try (Connection c = tx.dataSource().getConnection()) {
            work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void insert(long id) {
        insertVia(tx, id);
    }

    static void insertVia(LocalTransactions tx, long id) {
        try (Connection c = tx.dataSource().getConnection()) {
            update(c, "INSERT INTO item (id) VALUES (?)", id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long itemsSeenInside() {
        return queryLong(tx.dataSource(), "SELECT COUNT(*) FROM item");
    }

    long committedItems() {
        return queryLong(otherInstance, "SELECT COUNT(*) FROM item");
    }

    @SuppressWarnings("unchecked")
    static <T, E extends Throwable> T sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }
}
