package io.gcam.identity.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.CodeChallenge;
import io.gcam.identity.CodeChannel;
import io.gcam.identity.MutableClock;
import io.gcam.identity.OneTimeCodeException;
import io.gcam.identity.OneTimeCodeService;
import io.gcam.identity.RecordingCodeSender;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two "instances" (two pools) race 40 attempts, wrong and right, at one code on PostgreSQL. */
class OneTimeCodeAttemptRacePostgresTest {

    static final int MAX_ATTEMPTS = 3;
    static final int ATTEMPTS = 40;

    @Test
    void parallelAttemptsNeverExceedTheLimitAndAtMostOneSucceeds() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (HikariDataSource poolA = db.newPool(10); HikariDataSource poolB = db.newPool(10)) {
            Migrations.migrate(poolA, "identity");
            MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
            RecordingCodeSender sender = new RecordingCodeSender();
            OneTimeCodeService a = service(poolA, clock, sender);
            OneTimeCodeService b = service(poolB, clock, sender);
            CodeChallenge challenge = a.issue(Actor.system("login"), "applicant-1", CodeChannel.SMS, "+85361234567",
                    Locale.ENGLISH);
            String right = sender.lastCode();
            String wrong = right.equals("000000") ? "111111" : "000000";

            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                OneTimeCodeService service = i % 2 == 0 ? a : b;
                String code = i % 4 == 3 ? right : wrong;
                futures.add(pool.submit(() -> {
                    start.await();
                    String outcome;
                    try {
                        service.verify(Actor.system("login"), challenge.challengeId(), code, "+85361234567");
                        outcome = "VERIFIED";
                    } catch (OneTimeCodeException e) {
                        outcome = e.code();
                    }
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();

            int compared = count(outcomes, "VERIFIED") + count(outcomes, "CODE_INCORRECT");
            assertThat(compared).as("attempts that reached the comparison: %s", outcomes).isLessThanOrEqualTo(MAX_ATTEMPTS);
            assertThat(count(outcomes, "VERIFIED")).isLessThanOrEqualTo(1);
            assertThat(outcomes.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(ATTEMPTS);
            try (Connection c = poolB.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT attempts FROM gcam_identity_code")) {
                assertThat(rs.next()).isTrue();
                int counted = rs.getInt(1);
                // every comparison was counted first; a right code that lost the race to mark the code
                // used is counted too, without being compared
                assertThat(counted).as("counted attempts: %s", outcomes).isBetween(compared, MAX_ATTEMPTS);
                if (count(outcomes, "VERIFIED") == 0) {
                    assertThat(counted).as("without a success the attempts run out: %s", outcomes)
                            .isEqualTo(MAX_ATTEMPTS);
                }
                assertThat(rs.next()).isFalse();
            }
        }
    }

    private static int count(Map<String, AtomicInteger> outcomes, String key) {
        AtomicInteger n = outcomes.get(key);
        return n == null ? 0 : n.get();
    }

    private static OneTimeCodeService service(HikariDataSource ds, MutableClock clock, RecordingCodeSender sender) {
        return OneTimeCodeService.builder().store(JdbcOneTimeCodeStore.create(ds)).sender(sender).clock(clock)
                .maxAttempts(MAX_ATTEMPTS).build();
    }
}
