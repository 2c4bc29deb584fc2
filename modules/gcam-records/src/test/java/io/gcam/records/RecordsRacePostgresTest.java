package io.gcam.records;

import static io.gcam.records.Fixture.AGENCY;
import static io.gcam.records.Fixture.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.GcamException;
import io.gcam.core.PageRequest;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Races threads of two application instances (two independent connection pools) against one
 * PostgreSQL database, then counts rows.
 */
class RecordsRacePostgresTest {

    private static final int THREADS = 16;

    private HikariDataSource poolA;
    private HikariDataSource poolB;
    private Fixture a;
    private Fixture b;
    private ExecutorService executor;

    @BeforeEach
    void twoInstances() {
        TestDatabase db = TestDatabases.postgres();
        poolA = db.newPool(THREADS);
        poolB = db.newPool(THREADS);
        a = new Fixture(poolA).filePlan();
        b = new Fixture(poolB);
        executor = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(30, TimeUnit.SECONDS);
        poolA.close();
        poolB.close();
    }

    @Test
    void concurrentCheckOutsOfOneRecordGiveExactlyOneLock() throws Exception {
        RecordId id = a.register("Contract", SecurityLevel.INTERNAL).id();
        AtomicInteger locked = new AtomicInteger();
        Set<String> refusals = ConcurrentHashMap.newKeySet();

        race(i -> {
            RecordsService service = (i % 2 == 0 ? a : b).records;
            try {
                service.checkOut(Actor.staff("clerk-" + i, AGENCY), id, "edit");
                locked.incrementAndGet();
            } catch (GcamException e) {
                refusals.add(e.code());
            }
        });

        assertThat(locked).hasValue(1);
        assertThat(refusals).isSubsetOf("RECORD_CHECKED_OUT", "CONFLICT");
        assertThat(count("SELECT COUNT(*) FROM gcam_rec_custody WHERE record_id = ? AND action = 'record.checked_out'",
                id.value())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM gcam_audit_entry WHERE object_id = ? AND action = 'records.checked_out'",
                id.value())).isEqualTo(1);
        assertThat(a.records.verifyCustody(OFFICER, id).ok()).isTrue();
    }

    @Test
    void concurrentCustodyAppendsFromTwoInstancesKeepOneIntactChain() throws Exception {
        RecordId id = a.register("Much-read file", SecurityLevel.INTERNAL).id();
        RecordId neighbour = a.register("Neighbour", SecurityLevel.INTERNAL).id();
        int perThread = 10;

        race(i -> {
            RecordsService service = (i % 2 == 0 ? a : b).records;
            for (int n = 0; n < perThread; n++) {
                service.find(Actor.staff("reader-" + i, AGENCY), n % 3 == 0 ? neighbour : id);
            }
        });

        long views = count("SELECT COUNT(*) FROM gcam_rec_custody WHERE record_id = ? AND action = 'record.viewed'", id.value());
        long neighbourViews = count("SELECT COUNT(*) FROM gcam_rec_custody WHERE record_id = ? AND action = 'record.viewed'",
                neighbour.value());
        assertThat(views + neighbourViews).isEqualTo((long) THREADS * perThread);
        assertThat(count("SELECT MAX(seq) FROM gcam_rec_custody WHERE record_id = ?", id.value())).isEqualTo(views + 1);
        assertThat(b.records.verifyCustody(OFFICER, id).entriesChecked()).isEqualTo(views + 1);
        assertThat(b.records.verifyCustody(OFFICER, id).ok()).isTrue();
        assertThat(a.records.verifyCustody(OFFICER, neighbour).ok()).isTrue();
        assertThat(a.audit.verify().ok()).isTrue();
    }

    @Test
    void aLegalHoldRacingADisposalRunIsNeverDisposedOf() throws Exception {
        List<RecordId> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            RecordId id = a.register("Closed file " + i, SecurityLevel.INTERNAL).id();
            a.records.close(OFFICER, id);
            ids.add(id);
        }
        a.clock.advance(Duration.ofDays(3660));
        b.clock.advance(Duration.ofDays(3660));
        DisposalRunId run = a.records.prepareDisposal(OFFICER, AGENCY).id();
        assertThat(a.records.findDisposalRun(OFFICER, run).items()).hasSize(ids.size());
        Set<RecordId> held = ConcurrentHashMap.newKeySet();
        List<RecordId> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);

        race(i -> {
            if (i == 0) {
                a.records.approveDisposal(OFFICER, run);
            } else if (i == 1) {
                for (RecordId id : reversed) {
                    try {
                        b.records.placeLegalHold(OFFICER, id, "litigation");
                        held.add(id);
                    } catch (GcamException e) {
                        // NOT_FOUND once destroyed, CONFLICT when the disposal changed it meanwhile
                    }
                }
            }
        });

        Set<RecordId> certified = ConcurrentHashMap.newKeySet();
        a.records.certificates(OFFICER, AGENCY, PageRequest.of(0, 100)).items().forEach(c -> certified.add(c.recordId()));
        for (RecordId id : ids) {
            boolean exists = count("SELECT COUNT(*) FROM gcam_rec_record WHERE id = ?", id.value()) == 1;
            assertThat(exists).as("record %s is either kept or certified", id).isNotEqualTo(certified.contains(id));
            if (held.contains(id)) {
                assertThat(exists).as("held record %s", id).isTrue();
            }
        }
        assertThat(held.size() + certified.size()).isEqualTo(ids.size());
    }

    private void race(Task task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            futures.add(executor.submit(() -> {
                start.await();
                task.run(n);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(120, TimeUnit.SECONDS);
        }
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = poolA.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @FunctionalInterface
    private interface Task {
        void run(int thread) throws Exception;
    }
}
