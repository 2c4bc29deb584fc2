package io.gcam.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.AuditVerification;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two application instances (two independent connection pools) on one PostgreSQL database append
 * concurrently, some inside business transactions that commit, some inside transactions that roll
 * back: the committed entries form one unbroken chain and the rolled back ones leave no trace.
 */
class AuditTrailTwoInstancesPostgresTest {

    private static final int THREADS_PER_INSTANCE = 8;
    private static final int APPENDS_PER_THREAD = 40;

    @Test
    void twoInstancesAppendToOneUnbrokenChain() throws Exception {
        TestDatabase database = TestDatabases.postgres();
        try (HikariDataSource poolA = database.newPool(THREADS_PER_INSTANCE);
                HikariDataSource poolB = database.newPool(THREADS_PER_INSTANCE)) {
            Migrations.migrate(poolA, "core");
            try (Connection c = poolA.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE business_change (id VARCHAR(40) PRIMARY KEY)");
            }
            Instance a = new Instance(poolA);
            Instance b = new Instance(poolB);
            AtomicInteger committed = new AtomicInteger();
            Set<String> committedInTransactions = ConcurrentHashMap.newKeySet();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 2 * THREADS_PER_INSTANCE; t++) {
                    Instance instance = t % 2 == 0 ? a : b;
                    Actor actor = Actor.staff("staff-" + t, "SAFP");
                    String prefix = "T" + t + "-";
                    done.add(threads.submit(() -> {
                        start.await();
                        for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                            String id = prefix + i;
                            switch (i % 3) {
                                case 0 -> {
                                    instance.trail.append(actor, "object.touched", "object", id, Map.of("i", i));
                                    committed.incrementAndGet();
                                }
                                case 1 -> {
                                    instance.transactions.inTransaction(() -> {
                                        insertBusinessChange(instance.transactions, id);
                                        instance.trail.append(actor, "change.committed", "object", id, null);
                                    });
                                    committed.incrementAndGet();
                                    committedInTransactions.add(id);
                                }
                                default -> {
                                    try {
                                        instance.transactions.inTransaction(() -> {
                                            insertBusinessChange(instance.transactions, id);
                                            instance.trail.append(actor, "change.rolled-back", "object", id, null);
                                            throw new RolledBack();
                                        });
                                    } catch (RolledBack expected) {
                                        // the business change and its entry are gone
                                    }
                                }
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(5, TimeUnit.MINUTES);
                }
            } finally {
                threads.shutdownNow();
            }

            int expected = committed.get();
            assertThat(expected).isGreaterThan(2 * THREADS_PER_INSTANCE * APPENDS_PER_THREAD / 2);
            assertThat(query(poolA, "SELECT COUNT(*) FROM gcam_audit_entry")).isEqualTo(expected);
            assertThat(query(poolA, "SELECT MIN(seq) FROM gcam_audit_entry")).isEqualTo(1);
            assertThat(query(poolA, "SELECT MAX(seq) FROM gcam_audit_entry")).isEqualTo(expected);
            assertThat(query(poolA, "SELECT COUNT(*) FROM gcam_audit_entry WHERE action = 'change.rolled-back'"))
                    .isZero();
            assertThat(businessChanges(poolA)).isEqualTo(committedInTransactions);
            assertThat(query(poolA, "SELECT COUNT(*) FROM gcam_audit_entry WHERE action = 'change.committed'"))
                    .isEqualTo(committedInTransactions.size());
            for (Instance instance : List.of(a, b)) {
                AuditVerification result = instance.trail.verify();
                assertThat(result.ok()).as("%s", result.failure()).isTrue();
                assertThat(result.entriesChecked()).isEqualTo(expected);
                assertThat(result.head().index()).isEqualTo(expected);
            }
        }
    }

    private static void insertBusinessChange(LocalTransactions transactions, String id) {
        try (Connection c = transactions.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO business_change (id) VALUES (?)")) {
            s.setString(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long query(HikariDataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Set<String> businessChanges(HikariDataSource pool) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT id FROM business_change")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** One application instance: its own pool, transactions and trail. */
    private static final class Instance {
        final LocalTransactions transactions;
        final AuditTrail trail;

        Instance(HikariDataSource pool) {
            this.transactions = LocalTransactions.over(pool);
            this.trail = AuditTrail.builder()
                    .store(new JdbcAuditStore(transactions.dataSource()))
                    .clock(Clock.systemUTC())
                    .build();
        }
    }

    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
