package io.gcam.testkit.core;

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
import io.gcam.core.spi.SequenceStore;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances (two independent connection pools) racing for numbers on one
 * PostgreSQL database. Every number handed out is recorded in a table with a unique key, and the
 * rows are counted afterwards.
 */
class JdbcSequenceStoreConcurrencyPostgresTest {

    private static final int THREADS = 16;
    private static final int POOL_SIZE = THREADS / 2;

    private HikariDataSource instanceA;
    private HikariDataSource instanceB;
    private ExecutorService executor;

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        TestDatabase database = TestDatabases.postgres();
        instanceA = database.newPool(POOL_SIZE);
        instanceB = database.newPool(POOL_SIZE);
        Migrations.migrate(instanceA, "core");
        execute(instanceA, "CREATE TABLE issued_number (series VARCHAR(200) NOT NULL, n BIGINT NOT NULL,"
                + " PRIMARY KEY (series, n))");
        executor = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        instanceA.close();
        instanceB.close();
    }

    @Test
    void sixteenThreadsOnTwoPoolsNeverShareANumber() throws Exception {
        String series = "application/2026";
        int perThread = 200;
        race(THREADS, thread -> {
            DataSource pool = thread % 2 == 0 ? instanceA : instanceB;
            SequenceStore store = JdbcSequenceStore.create(pool);
            for (int i = 0; i < perThread; i++) {
                record(pool, series, store.next(series));
            }
            return null;
        });

        int total = THREADS * perThread;
        assertThat(queryLong(instanceA, "SELECT COUNT(*) FROM issued_number")).isEqualTo(total);
        assertThat(queryLong(instanceA, "SELECT COUNT(DISTINCT n) FROM issued_number")).isEqualTo(total);
        assertThat(queryLong(instanceA, "SELECT MIN(n) FROM issued_number")).isEqualTo(1);
        assertThat(queryLong(instanceA, "SELECT MAX(n) FROM issued_number")).as("no gaps").isEqualTo(total);
        assertThat(queryLong(instanceA, "SELECT COUNT(*) FROM gcam_sequence")).isEqualTo(1);
        assertThat(queryLong(instanceA, "SELECT last_value FROM gcam_sequence WHERE series = ?", series)).isEqualTo(total);
    }

    @Test
    void reservingStoresOnTwoPoolsNeverShareANumberAndEachHandsOutIncreasingNumbers() throws Exception {
        String series = "candidate/2026";
        int perThread = 200;
        int block = 50;
        // one store per instance, shared by that instance's threads, as an application would wire it
        SequenceStore storeA = JdbcSequenceStore.reserving(instanceA, block);
        SequenceStore storeB = JdbcSequenceStore.reserving(instanceB, block);
        List<List<Long>> perThreadNumbers = Collections.synchronizedList(new ArrayList<>());
        race(THREADS, thread -> {
            DataSource pool = thread % 2 == 0 ? instanceA : instanceB;
            SequenceStore store = thread % 2 == 0 ? storeA : storeB;
            List<Long> mine = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                long n = store.next(series);
                mine.add(n);
                record(pool, series, n);
            }
            perThreadNumbers.add(mine);
            return null;
        });

        int total = THREADS * perThread;
        assertThat(queryLong(instanceA, "SELECT COUNT(*) FROM issued_number")).isEqualTo(total);
        assertThat(queryLong(instanceA, "SELECT COUNT(DISTINCT n) FROM issued_number")).isEqualTo(total);
        assertThat(queryLong(instanceA, "SELECT MIN(n) FROM issued_number")).isEqualTo(1);
        // every block was used up, so the reserved total is exactly what was handed out
        assertThat(queryLong(instanceA, "SELECT last_value FROM gcam_sequence WHERE series = ?", series))
                .isEqualTo(total);
        for (List<Long> mine : perThreadNumbers) {
            assertThat(mine).as("one thread's numbers from one instance").isSorted().doesNotHaveDuplicates();
        }

        // a restarted instance never hands out a number reserved before it stopped
        long next = JdbcSequenceStore.reserving(instanceA, block).next(series);
        assertThat(next).isEqualTo(total + 1);
        assertThat(queryLong(instanceA, "SELECT last_value FROM gcam_sequence WHERE series = ?", series))
                .isEqualTo(total + block);
    }

    @Test
    void reservingStoreTakesOneBlockPerDatabaseCallAndRefusesAConnectionInATransaction() {
        String series = "ticket";
        SequenceStore store = JdbcSequenceStore.reserving(instanceA, 10);
        for (int i = 1; i <= 10; i++) {
            assertThat(store.next(series)).isEqualTo(i);
            assertThat(queryLong(instanceA, "SELECT last_value FROM gcam_sequence WHERE series = ?", series))
                    .as("the first block, reserved once").isEqualTo(10);
        }
        assertThat(store.next(series)).isEqualTo(11);
        assertThat(queryLong(instanceA, "SELECT last_value FROM gcam_sequence WHERE series = ?", series))
                .isEqualTo(20);
        assertThat(store.current(series)).as("what this store handed out").hasValue(11);
        assertThat(JdbcSequenceStore.reserving(instanceB, 10).current(series))
                .as("another instance sees what was reserved").hasValue(20);

        LocalTransactions tx = LocalTransactions.over(instanceA);
        SequenceStore misconfigured = JdbcSequenceStore.reserving(tx.dataSource(), 10);
        assertThatThrownBy(() -> tx.inTransaction(() -> misconfigured.next("other")))
                .isInstanceOfSatisfying(GcamException.class,
                        e -> assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID"));
        assertThat(queryLong(instanceA, "SELECT COUNT(*) FROM gcam_sequence WHERE series = 'other'")).isZero();
        assertThatThrownBy(() -> JdbcSequenceStore.reserving(instanceA, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                () -> JdbcSequenceStore.reserving(instanceA, JdbcSequenceStore.MAX_BLOCK_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threadsOnTwoPoolsStartingManySeriesAtOnceEachGetDistinctNumbers() throws Exception {
        int seriesCount = 40;
        race(THREADS, thread -> {
            DataSource pool = thread % 2 == 0 ? instanceA : instanceB;
            SequenceStore store = JdbcSequenceStore.create(pool);
            List<Integer> order = new ArrayList<>();
            for (int s = 0; s < seriesCount; s++) {
                order.add(s);
            }
            Collections.shuffle(order, new Random(thread));
            for (int s : order) {
                String series = "series-" + s;
                record(pool, series, store.next(series));
            }
            return null;
        });

        assertThat(queryLong(instanceA, "SELECT COUNT(*) FROM gcam_sequence")).isEqualTo(seriesCount);
        assertThat(queryLong(instanceA, "SELECT COUNT(*) FROM gcam_sequence WHERE last_value = ?", THREADS))
                .isEqualTo(seriesCount);
        assertThat(queryLong(instanceA, "SELECT COUNT(*) FROM issued_number")).isEqualTo((long) seriesCount * THREADS);
        assertThat(queryLong(instanceA, "SELECT COUNT(*) FROM issued_number WHERE n < 1 OR n > ?", THREADS)).isZero();
    }

    @Test
    void joiningTransactionsOnTwoPoolsCommitGaplessNumbers() throws Exception {
        String series = "receipt/2026";
        int transactionsPerThread = 40;
        LocalTransactions txA = LocalTransactions.over(instanceA);
        LocalTransactions txB = LocalTransactions.over(instanceB);
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger rolledBack = new AtomicInteger();
        race(THREADS, thread -> {
            LocalTransactions tx = thread % 2 == 0 ? txA : txB;
            SequenceStore store = JdbcSequenceStore.joining(tx.dataSource());
            for (int i = 0; i < transactionsPerThread; i++) {
                boolean fail = (thread + i) % 5 == 0;
                try {
                    tx.inTransaction(() -> {
                        record(tx.dataSource(), series, store.next(series));
                        if (fail) {
                            throw new IllegalStateException("the caller's work failed");
                        }
                    });
                    committed.incrementAndGet();
                } catch (IllegalStateException e) {
                    rolledBack.incrementAndGet();
                }
            }
            return null;
        });

        long count = committed.get();
        assertThat(rolledBack.get()).isPositive();
        assertThat(count + rolledBack.get()).isEqualTo((long) THREADS * transactionsPerThread);
        assertThat(queryLong(instanceA, "SELECT COUNT(*) FROM issued_number")).isEqualTo(count);
        assertThat(queryLong(instanceA, "SELECT MIN(n) FROM issued_number")).isEqualTo(1);
        assertThat(queryLong(instanceA, "SELECT MAX(n) FROM issued_number"))
                .as("rolled-back numbers were handed out again: committed numbers have no gaps").isEqualTo(count);
        assertThat(queryLong(instanceA, "SELECT last_value FROM gcam_sequence WHERE series = ?", series)).isEqualTo(count);
    }

    /** Records a number; the primary key refuses a number handed out twice. */
    private static void record(DataSource dataSource, String series, long n) {
        try (Connection c = dataSource.getConnection()) {
            update(c, "INSERT INTO issued_number (series, n) VALUES (?, ?)", series, n);
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + series + " #" + n, e);
        }
    }

    private interface ThreadWork {
        Void run(int thread) throws Exception;
    }

    private void race(int threads, ThreadWork work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Void>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Callable<Void> task = () -> {
                start.await();
                return work.run(thread);
            };
            results.add(executor.submit(task));
        }
        for (Future<Void> result : results) {
            result.get(5, TimeUnit.MINUTES); // guards against a hang, not a speed test
        }
    }
}
