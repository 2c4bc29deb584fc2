package io.gcam.testkit.core;

import static io.gcam.testkit.core.Databases.awaitBlockedOrDone;
import static io.gcam.testkit.core.Databases.execute;
import static io.gcam.testkit.core.Databases.queryLong;
import static io.gcam.testkit.core.Databases.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.GcamException;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link JdbcSequenceStore} behaves with the caller's transactions: its own short transaction
 * ({@code create}) versus joining the caller's ({@code joining}), and the race of two instances
 * starting the same series. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class JdbcSequenceStoreTransactionContract {

    private static final String SERIES = "application/2026";

    private TestDatabase database;
    private HikariDataSource pool;
    private HikariDataSource otherPool;
    private LocalTransactions tx;
    private ExecutorService executor;

    abstract TestDatabase database();

    @BeforeEach
    void setUp() {
        database = database();
        pool = database.newPool(5);
        otherPool = database.newPool(5);
        Migrations.migrate(pool, "core");
        execute(pool, "CREATE TABLE work_item (id BIGINT NOT NULL PRIMARY KEY)");
        tx = LocalTransactions.over(pool);
        executor = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
        pool.close();
        otherPool.close();
    }

    @Test
    void ownTransactionKeepsTheNumberTakenWhenTheCallerRollsBack() {
        JdbcSequenceStore store = JdbcSequenceStore.create(pool);

        assertThatThrownBy(() -> tx.inTransaction(() -> {
            assertThat(store.next(SERIES)).isEqualTo(1);
            throw new IllegalStateException("caller fails");
        })).hasMessage("caller fails");

        assertThat(store.next(SERIES)).as("a gap, never a reused number").isEqualTo(2);
    }

    @Test
    void ownTransactionCommitsTheNumberBeforeTheCallerCommits() {
        JdbcSequenceStore store = JdbcSequenceStore.create(pool);

        tx.inTransaction(() -> {
            store.next(SERIES);
            assertThat(lastValueSeenByAnotherInstance()).isEqualTo(1);
        });
    }

    @Test
    void joiningGivesARolledBackNumberOutAgain() {
        JdbcSequenceStore store = JdbcSequenceStore.joining(tx.dataSource());

        assertThatThrownBy(() -> tx.inTransaction(() -> {
            assertThat(store.next(SERIES)).isEqualTo(1);
            assertThat(store.next(SERIES)).isEqualTo(2);
            throw new IllegalStateException("caller fails");
        })).hasMessage("caller fails");
        long afterRollback = tx.inTransaction(() -> store.next(SERIES));

        assertThat(afterRollback).as("no gap: the rolled-back numbers were never used").isEqualTo(1);
    }

    @Test
    void joiningTakesTheNumberInTheCallersTransaction() {
        JdbcSequenceStore store = JdbcSequenceStore.joining(tx.dataSource());
        tx.inTransaction(() -> store.next(SERIES));

        tx.inTransaction(() -> {
            assertThat(store.next(SERIES)).isEqualTo(2);
            assertThat(store.current(SERIES)).as("seen inside").hasValue(2);
            assertThat(lastValueSeenByAnotherInstance()).as("not yet seen outside").isEqualTo(1);
        });

        assertThat(lastValueSeenByAnotherInstance()).isEqualTo(2);
    }

    @Test
    void joiningOutsideATransactionCommitsAtOnce() {
        JdbcSequenceStore store = JdbcSequenceStore.joining(tx.dataSource());

        assertThat(store.next(SERIES)).isEqualTo(1);

        assertThat(lastValueSeenByAnotherInstance()).isEqualTo(1);
    }

    @Test
    void createRefusesAConnectionThatIsInsideATransactionAndLeavesItUsable() {
        JdbcSequenceStore misconfigured = JdbcSequenceStore.create(tx.dataSource());

        tx.inTransaction(() -> {
            assertThatThrownBy(() -> misconfigured.next(SERIES))
                    .isInstanceOfSatisfying(GcamException.class, e -> {
                        assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID");
                        assertThat(e.getMessage()).contains("JdbcSequenceStore.joining");
                    });
            insertWorkItem(tx, 7);
        });

        assertThat(queryLong(otherPool, "SELECT COUNT(*) FROM work_item")).isEqualTo(1);
        assertThat(misconfigured.next(SERIES)).as("outside a transaction it works").isEqualTo(1);
    }

    @Test
    void ownTransactionIncrementsWhenAnotherInstanceStartsTheSeriesFirst() throws Exception {
        JdbcSequenceStore store = JdbcSequenceStore.create(pool);

        try (Connection otherInstance = otherPool.getConnection()) {
            otherInstance.setAutoCommit(false);
            update(otherInstance, "INSERT INTO gcam_sequence (series, last_value) VALUES (?, 1)", SERIES);
            Future<Long> racing = executor.submit(() -> store.next(SERIES));
            awaitBlockedOrDone(otherPool, database.kind(), racing);
            otherInstance.commit();

            assertThat(racing.get(1, TimeUnit.MINUTES)).isEqualTo(2);
        }
        assertThat(lastValueSeenByAnotherInstance()).isEqualTo(2);
    }

    @Test
    void joiningSurvivesLosingTheRaceToStartASeries() throws Exception {
        JdbcSequenceStore store = JdbcSequenceStore.joining(tx.dataSource());

        try (Connection otherInstance = otherPool.getConnection()) {
            otherInstance.setAutoCommit(false);
            update(otherInstance, "INSERT INTO gcam_sequence (series, last_value) VALUES (?, 1)", SERIES);
            Future<Long> racing = executor.submit(() -> tx.inTransaction(() -> {
                insertWorkItem(tx, 1);
                long number = store.next(SERIES);
                insertWorkItem(tx, 2); // the transaction is still usable after the lost race
                return number;
            }));
            awaitBlockedOrDone(otherPool, database.kind(), racing);
            otherInstance.commit();

            assertThat(racing.get(1, TimeUnit.MINUTES)).isEqualTo(2);
        }
        assertThat(queryLong(otherPool, "SELECT COUNT(*) FROM work_item")).isEqualTo(2);
        assertThat(lastValueSeenByAnotherInstance()).isEqualTo(2);
    }

    private long lastValueSeenByAnotherInstance() {
        return queryLong(otherPool, "SELECT last_value FROM gcam_sequence WHERE series = ?", SERIES);
    }

    private static void insertWorkItem(LocalTransactions tx, long id) {
        try (Connection c = tx.dataSource().getConnection()) {
            update(c, "INSERT INTO work_item (id) VALUES (?)", id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
