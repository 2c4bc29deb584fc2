package io.gcam.identity.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
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
import java.time.Duration;
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

/**
 * Two "instances" (two pools, one in transactions, one without) race many resend requests for one
 * destination on PostgreSQL: exactly one code is sent and stored per resend interval.
 */
class OneTimeCodeResendRacePostgresTest {

    static final int REQUESTS = 40;

    @Test
    void concurrentResendsToOneDestinationSendExactlyOneCode() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (HikariDataSource poolA = db.newPool(10); HikariDataSource poolB = db.newPool(10)) {
            Migrations.migrate(poolA, "identity");
            MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
            RecordingCodeSender sender = new RecordingCodeSender();
            LocalTransactions tx = LocalTransactions.over(poolA);
            OneTimeCodeService a = OneTimeCodeService.builder().store(JdbcOneTimeCodeStore.create(tx.dataSource()))
                    .transactions(tx).sender(sender).clock(clock).resendInterval(Duration.ofSeconds(60)).build();
            OneTimeCodeService b = OneTimeCodeService.builder().store(JdbcOneTimeCodeStore.create(poolB))
                    .sender(sender).clock(clock).resendInterval(Duration.ofSeconds(60)).build();

            Map<String, AtomicInteger> first = race(a, b);
            assertThat(count(first, "ISSUED")).as("issued: %s", first).isEqualTo(1);
            assertThat(count(first, "CODE_RESEND_TOO_SOON")).isEqualTo(REQUESTS - 1);
            assertThat(sender.count()).isEqualTo(1);
            assertThat(storedCodes(poolB)).isEqualTo(1);

            clock.advance(Duration.ofSeconds(60));
            Map<String, AtomicInteger> second = race(a, b);
            assertThat(count(second, "ISSUED")).as("issued after the interval: %s", second).isEqualTo(1);
            assertThat(sender.count()).isEqualTo(2);
            assertThat(storedCodes(poolB)).isEqualTo(2);
        }
    }

    private static Map<String, AtomicInteger> race(OneTimeCodeService a, OneTimeCodeService b) throws Exception {
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                OneTimeCodeService service = i % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    start.await();
                    String outcome;
                    try {
                        service.issue(Actor.system("login"), "applicant-1", CodeChannel.EMAIL, "Ana@Example.mo",
                                Locale.ENGLISH);
                        outcome = "ISSUED";
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
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private static int storedCodes(HikariDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM gcam_identity_code")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int count(Map<String, AtomicInteger> outcomes, String key) {
        AtomicInteger n = outcomes.get(key);
        return n == null ? 0 : n.get();
    }
}
