package io.gcam.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.GcamException;
import io.gcam.testsupport.db.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances (two independent connection pools, each with its own catalogue service)
 * race on one PostgreSQL database; the rows are counted afterwards.
 */
class CatalogRacePostgresTest {

    private static final int THREADS = 8;

    private HikariDataSource poolA;
    private HikariDataSource poolB;
    private Fixture a;
    private Fixture b;

    @BeforeEach
    void setUp() {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        poolA = db.newPool(THREADS);
        poolB = db.newPool(THREADS);
        a = new Fixture(poolA);
        b = new Fixture(poolB);
    }

    @AfterEach
    void tearDown() {
        poolA.close();
        poolB.close();
    }

    @Test
    void createsAServiceCodeOnceWhenInstancesRace() throws Exception {
        List<Outcome> outcomes = race(i -> (i % 2 == 0 ? a : b).catalog.create(Fixture.SAFP_EDITOR, Fixture.recruitment()));

        assertThat(outcomes).filteredOn(o -> o.code == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.code != null).extracting(o -> o.code).containsOnly("SERVICE_CODE_TAKEN");
        assertThat(a.count("SELECT COUNT(*) FROM gcam_cat_service")).isEqualTo(1);
        assertThat(a.count("SELECT COUNT(*) FROM gcam_audit_entry WHERE action = 'catalog.service_created'")).isEqualTo(1);
        assertThat(a.store.changeCount()).isEqualTo(1);
    }

    @Test
    void publishesAVersionOnceWhenInstancesRace() throws Exception {
        a.catalog.create(Fixture.SAFP_EDITOR, Fixture.recruitment());

        List<Outcome> outcomes = race(i -> (i % 2 == 0 ? a : b).catalog.publish(Fixture.SAFP_EDITOR, "SAFP-RECRUIT", 1, null));

        assertThat(outcomes).filteredOn(o -> o.code == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.code != null).extracting(o -> o.code)
                .allMatch(c -> c.equals("CONFLICT") || c.equals("SERVICE_STATUS_INVALID"));
        assertThat(a.count("SELECT COUNT(*) FROM gcam_cat_service WHERE status = 'PUBLISHED' AND revision = 2"))
                .isEqualTo(1);
        assertThat(a.count("SELECT COUNT(*) FROM gcam_audit_entry WHERE action = 'catalog.service_published'"))
                .isEqualTo(1);
        assertThat(a.store.changeCount()).isEqualTo(2);
        assertThat(b.catalog.find("SAFP-RECRUIT")).isPresent();
    }

    private record Outcome(String code) {
    }

    private static List<Outcome> race(Function<Integer, Object> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier barrier = new CyclicBarrier(THREADS);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    try {
                        work.apply(n);
                        return new Outcome(null);
                    } catch (GcamException e) {
                        return new Outcome(e.code());
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
