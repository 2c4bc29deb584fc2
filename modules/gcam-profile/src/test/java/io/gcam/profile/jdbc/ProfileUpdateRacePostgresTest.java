package io.gcam.profile.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.GcamException;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.profile.Profile;
import io.gcam.profile.ProfileData;
import io.gcam.profile.ProfileFixtures;
import io.gcam.profile.ProfileService;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two "instances" (two pools; one with transactions, one without) race updates based on the same
 * version against PostgreSQL: exactly one wins per round, the rest get CONFLICT, and the history has
 * exactly one row per version.
 */
class ProfileUpdateRacePostgresTest {

    static final int RACERS = 24;
    static final int ROUNDS = 3;

    @Test
    void ofConcurrentUpdatesFromOneVersionExactlyOneWins() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (HikariDataSource poolA = db.newPool(10); HikariDataSource poolB = db.newPool(10)) {
            ProfileService a = ProfileFixtures.service(poolA, LocalTransactions.over(poolA));
            ProfileService b = ProfileFixtures.service(poolB, null);
            Actor ana = Actor.applicant("ana");
            Profile profile = a.create(ana, ProfileFixtures.eid("ana", "51234567"), ProfileData.EMPTY);

            for (int r = 1; r <= ROUNDS; r++) {
                int round = r;
                long expected = round;
                Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(RACERS);
                try {
                    List<Future<?>> futures = new ArrayList<>();
                    for (int i = 0; i < RACERS; i++) {
                        ProfileService service = i % 2 == 0 ? a : b;
                        String email = "racer" + i + ".round" + round + "@example.mo";
                        futures.add(pool.submit(() -> {
                            start.await();
                            String outcome;
                            try {
                                service.update(ana, profile.id(), expected, profile.data().toBuilder().email(email).build());
                                outcome = "UPDATED";
                            } catch (GcamException e) {
                                outcome = e.code();
                            }
                            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                            return null;
                        }));
                    }
                    start.countDown();
                    for (Future<?> future : futures) {
                        future.get(2, TimeUnit.MINUTES);
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertThat(count(outcomes, "UPDATED")).as("round %d: %s", round, outcomes).isEqualTo(1);
                assertThat(count(outcomes, "CONFLICT")).as("round %d: %s", round, outcomes).isEqualTo(RACERS - 1);
            }

            try (Connection c = poolB.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM gcam_profile_version WHERE profile_id = ?")) {
                ps.setString(1, profile.id().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(ROUNDS + 1);
                    assertThat(rs.getInt(2)).isEqualTo(ROUNDS + 1);
                    assertThat(rs.getLong(3)).isEqualTo(ROUNDS + 1);
                }
            }
            assertThat(b.get(ana, profile.id()).version()).isEqualTo(ROUNDS + 1);
        }
    }

    private static int count(Map<String, AtomicInteger> outcomes, String key) {
        AtomicInteger n = outcomes.get(key);
        return n == null ? 0 : n.get();
    }
}
