package io.gcam.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.Actor;
import io.gcam.core.GcamException;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.spi.IdempotencyRecord;
import io.gcam.core.spi.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link IdempotencyStore}, checked directly and through
 * {@link IdempotentExecutor}. Extend it in the test of an implementation and supply a fresh, empty
 * store per test:
 *
 * <pre>{@code
 * class MyIdempotencyStoreTest extends IdempotencyStoreCompatibilityKit {
 *     protected IdempotencyStore createStore() { ... }
 * }
 * }</pre>
 */
public abstract class IdempotencyStoreCompatibilityKit {

    /** Retention the kit's executor is built with. */
    protected static final Duration RETENTION = Duration.ofHours(1);
    /** Lock timeout the kit's executor is built with. */
    protected static final Duration LOCK_TIMEOUT = Duration.ofMinutes(1);

    private static final Instant START = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final Actor APPLICANT = Actor.applicant("applicant-1");

    private IdempotencyStore store;
    private KitClock clock;
    private IdempotentExecutor executor;

    /** Kits are extended, not instantiated. */
    protected IdempotencyStoreCompatibilityKit() {
    }

    /**
     * @return a new, empty store; called before every test
     */
    protected abstract IdempotencyStore createStore();

    /** Creates the store and an executor over it. */
    @BeforeEach
    void createExecutor() {
        store = createStore();
        clock = new KitClock(START);
        executor = IdempotentExecutor.builder()
                .store(store)
                .clock(clock)
                .retention(RETENTION)
                .lockTimeout(LOCK_TIMEOUT)
                .build();
    }

    /** @return the store under test */
    protected IdempotencyStore store() {
        return store;
    }

    /** @return the clock of the kit's executor, for executors a subclass builds over the same data */
    protected Clock clock() {
        return clock;
    }

    /** @return the executor over the store under test */
    protected IdempotentExecutor executor() {
        return executor;
    }

    /** A typed result, as a service would return. */
    public record Receipt(String reference, int seats) {
    }

    @Test
    void runsTheOperationOnceAndReplaysItsResult() {
        AtomicInteger runs = new AtomicInteger();

        String first = executor.execute(APPLICANT, "key-1", "POST /registrations {a}", () -> "REG-" + runs.incrementAndGet());
        String repeat = executor.execute(APPLICANT, "key-1", "POST /registrations {a}", () -> "REG-" + runs.incrementAndGet());

        assertThat(first).isEqualTo("REG-1");
        assertThat(repeat).isEqualTo("REG-1");
        assertThat(runs).hasValue(1);
    }

    @Test
    void replaysTypedResultsReadBackFromJson() {
        AtomicInteger runs = new AtomicInteger();
        Map<String, Object> request = Map.of("session", "S-1", "seats", 2);

        Receipt first = executor.execute(APPLICANT, "key-1", request, Receipt.class,
                () -> new Receipt("REG-" + runs.incrementAndGet(), 2));
        Receipt repeat = executor.execute(APPLICANT, "key-1", request, Receipt.class,
                () -> new Receipt("REG-" + runs.incrementAndGet(), 2));

        assertThat(repeat).isEqualTo(first).isEqualTo(new Receipt("REG-1", 2));
        assertThat(runs).hasValue(1);
    }

    @Test
    void treatsRequestsThatDifferOnlyInKeyOrderAsTheSame() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", Map.of("y", 2, "x", 1));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", new LinkedHashMap<>(Map.of("x", 1, "y", 2)));
        ba.put("a", 1);
        AtomicInteger runs = new AtomicInteger();

        executor.execute(APPLICANT, "key-1", ab, Receipt.class, () -> new Receipt("R" + runs.incrementAndGet(), 1));
        Receipt repeat = executor.execute(APPLICANT, "key-1", ba, Receipt.class,
                () -> new Receipt("R" + runs.incrementAndGet(), 1));

        assertThat(repeat.reference()).isEqualTo("R1");
        assertThat(runs).hasValue(1);
    }

    @Test
    void rejectsTheSameKeyWithADifferentRequest() {
        AtomicInteger runs = new AtomicInteger();
        executor.execute(APPLICANT, "key-1", "request A", () -> "result A" + runs.incrementAndGet());

        assertThatThrownBy(() -> executor.execute(APPLICANT, "key-1", "request B", () -> "result B" + runs.incrementAndGet()))
                .isInstanceOfSatisfying(GcamException.class,
                        e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(runs).hasValue(1);
        assertThat(executor.execute(APPLICANT, "key-1", "request A", () -> "again")).isEqualTo("result A1");
    }

    @Test
    void rejectsARepeatWhileTheFirstIsStillRunning() {
        List<String> inside = new ArrayList<>();

        String result = executor.execute(APPLICANT, "key-1", "request", () -> {
            inside.add(codeOf(() -> executor.execute(APPLICANT, "key-1", "request", () -> "nested")));
            inside.add(codeOf(() -> executor.execute(APPLICANT, "key-1", "other request", () -> "nested")));
            return "outer";
        });

        assertThat(inside).containsExactly("IDEMPOTENCY_IN_FLIGHT", "IDEMPOTENCY_KEY_REUSED");
        assertThat(result).isEqualTo("outer");
        assertThat(executor.execute(APPLICANT, "key-1", "request", () -> "later")).isEqualTo("outer");
    }

    @Test
    void releasesTheKeyWhenTheOperationFails() {
        IllegalStateException failure = new IllegalStateException("downstream unavailable");
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> executor.execute(APPLICANT, "key-1", "request", () -> {
            runs.incrementAndGet();
            throw failure;
        })).isSameAs(failure);
        String retried = executor.execute(APPLICANT, "key-1", "request", () -> "ok-" + runs.incrementAndGet());

        assertThat(retried).isEqualTo("ok-2");
        assertThat(runs).hasValue(2);
    }

    @Test
    void keepsTheKeysOfDifferentActorsApart() {
        Actor other = Actor.applicant("applicant-2");
        Actor sameIdOtherKind = Actor.system("applicant-1");

        String mine = executor.execute(APPLICANT, "key-1", "request", () -> "mine");
        String theirs = executor.execute(other, "key-1", "request", () -> "theirs");
        String system = executor.execute(sameIdOtherKind, "key-1", "another request", () -> "system");

        assertThat(mine).isEqualTo("mine");
        assertThat(theirs).isEqualTo("theirs");
        assertThat(system).isEqualTo("system");
        assertThat(executor.execute(other, "key-1", "request", () -> "again")).isEqualTo("theirs");
    }

    @Test
    void forgetsAKeyAfterTheRetention() {
        executor.execute(APPLICANT, "key-1", "request A", () -> "A");

        clock.advance(RETENTION.minusSeconds(1));
        String beforeExpiry = executor.execute(APPLICANT, "key-1", "request A", () -> "A again");
        clock.advance(Duration.ofSeconds(1));
        String afterExpiry = executor.execute(APPLICANT, "key-1", "request B", () -> "B");

        assertThat(beforeExpiry).isEqualTo("A");
        assertThat(afterExpiry).isEqualTo("B");
    }

    @Test
    void takesOverAKeyWhoseExecutionOutlivedTheLockTimeout() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch finishFirst = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = thread.submit(() -> executor.execute(APPLICANT, "key-1", "request", () -> {
                firstRunning.countDown();
                await(finishFirst);
                return "late first";
            }));
            assertThat(firstRunning.await(30, TimeUnit.SECONDS)).isTrue();

            String whileLocked = codeOf(() -> executor.execute(APPLICANT, "key-1", "request", () -> "too early"));
            clock.advance(LOCK_TIMEOUT);
            String takenOver = executor.execute(APPLICANT, "key-1", "request", () -> "second");
            finishFirst.countDown();

            assertThat(whileLocked).isEqualTo("IDEMPOTENCY_IN_FLIGHT");
            assertThat(takenOver).isEqualTo("second");
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("late first");
            assertThat(executor.execute(APPLICANT, "key-1", "request", () -> "third")).isEqualTo("second");
        } finally {
            finishFirst.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void runsTheOperationOnceWhenManyFirstRequestsRace() throws Exception {
        int threads = 12;
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch othersAnswered = new CountDownLatch(threads - 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return executor.execute(APPLICANT, "key-1", "request", () -> {
                            runs.incrementAndGet();
                            // hold the key until every other request has been answered
                            await(othersAnswered);
                            return "done";
                        });
                    } catch (GcamException e) {
                        othersAnswered.countDown();
                        return e.code();
                    }
                }));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                answers.add(outcome.get(2, TimeUnit.MINUTES));
            }

            assertThat(runs).hasValue(1);
            assertThat(answers).containsOnlyOnce("done");
            assertThat(answers).filteredOn("IDEMPOTENCY_IN_FLIGHT"::equals).hasSize(threads - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgesOnlyExpiredKeys() {
        executor.execute(APPLICANT, "old-1", "r", () -> "1");
        executor.execute(APPLICANT, "old-2", "r", () -> "2");
        clock.advance(Duration.ofMinutes(30));
        executor.execute(APPLICANT, "young", "r", () -> "3");
        clock.advance(Duration.ofMinutes(30));

        int purged = executor.purgeExpired();

        assertThat(purged).isEqualTo(2);
        assertThat(store.find(scope(APPLICANT), "old-1")).isEmpty();
        assertThat(store.find(scope(APPLICANT), "young")).isPresent();
        assertThat(executor.purgeExpired()).isZero();
    }

    @Test
    void storesRecordsExactly() {
        IdempotencyRecord candidate = inFlight("key-1", "owner-a", START);

        assertThat(store.claim(candidate, START)).isEmpty();

        assertThat(store.find("APPLICANT:applicant-1", "key-1")).contains(candidate);
        assertThat(store.find("APPLICANT:applicant-1", "key-2")).isEmpty();
        assertThat(store.find("APPLICANT:applicant-2", "key-1")).isEmpty();
    }

    @Test
    void returnsTheLiveRecordToALaterClaim() {
        IdempotencyRecord first = inFlight("key-1", "owner-a", START);
        store.claim(first, START);

        Optional<IdempotencyRecord> blocked = store.claim(inFlight("key-1", "owner-b", START), START);

        assertThat(blocked).contains(first);
    }

    @Test
    void replacesARecordThatIsNoLongerLive() {
        store.claim(inFlight("timed-out", "owner-a", START), START);
        store.claim(inFlight("expired", "owner-a", START), START);
        store.complete("APPLICANT:applicant-1", "expired", "owner-a", "result");
        Instant later = START.plus(LOCK_TIMEOUT);
        Instant muchLater = START.plus(RETENTION);

        Optional<IdempotencyRecord> timedOut = store.claim(inFlight("timed-out", "owner-b", later), later);
        Optional<IdempotencyRecord> stillCompleted = store.claim(inFlight("expired", "owner-b", later), later);
        Optional<IdempotencyRecord> expired = store.claim(inFlight("expired", "owner-c", muchLater), muchLater);

        assertThat(timedOut).isEmpty();
        assertThat(store.find("APPLICANT:applicant-1", "timed-out")).get()
                .extracting(IdempotencyRecord::owner).isEqualTo("owner-b");
        assertThat(stillCompleted).get().extracting(IdempotencyRecord::result).isEqualTo("result");
        assertThat(expired).isEmpty();
        assertThat(store.find("APPLICANT:applicant-1", "expired")).get()
                .satisfies(record -> {
                    assertThat(record.owner()).isEqualTo("owner-c");
                    assertThat(record.status()).isEqualTo(IdempotencyRecord.Status.IN_FLIGHT);
                    assertThat(record.result()).isNull();
                });
    }

    @Test
    void completesAndReleasesOnlyForTheOwner() {
        String scope = "APPLICANT:applicant-1";
        store.claim(inFlight("key-1", "owner-a", START), START);

        assertThat(store.complete(scope, "key-1", "owner-b", "forged")).isFalse();
        assertThat(store.release(scope, "key-1", "owner-b")).isFalse();
        assertThat(store.complete(scope, "key-1", "owner-a", "{\"ok\":true}")).isTrue();
        assertThat(store.release(scope, "key-1", "owner-a")).as("a completed record is kept").isFalse();
        assertThat(store.complete(scope, "key-1", "owner-a", "again")).isFalse();
        assertThat(store.find(scope, "key-1")).get().satisfies(record -> {
            assertThat(record.status()).isEqualTo(IdempotencyRecord.Status.COMPLETED);
            assertThat(record.result()).isEqualTo("{\"ok\":true}");
        });
    }

    @Test
    void storesANullResult() {
        String scope = "APPLICANT:applicant-1";
        store.claim(inFlight("key-1", "owner-a", START), START);

        assertThat(store.complete(scope, "key-1", "owner-a", null)).isTrue();

        assertThat(store.find(scope, "key-1")).get().satisfies(record -> {
            assertThat(record.status()).isEqualTo(IdempotencyRecord.Status.COMPLETED);
            assertThat(record.result()).isNull();
        });
    }

    @Test
    void storesLargeResults() {
        String large = "x".repeat(100_000);

        executor.execute(APPLICANT, "key-1", "request", () -> large);

        assertThat(executor.execute(APPLICANT, "key-1", "request", () -> "other")).isEqualTo(large);
    }

    /**
     * @param key the key
     * @param owner the owner token
     * @param now the claim time
     * @return an in-flight record of {@code applicant-1} claimed at {@code now} with the kit's timeouts
     */
    protected static IdempotencyRecord inFlight(String key, String owner, Instant now) {
        return new IdempotencyRecord("APPLICANT:applicant-1", key, "f".repeat(64), IdempotencyRecord.Status.IN_FLIGHT,
                null, owner, now, now.plus(LOCK_TIMEOUT), now.plus(RETENTION));
    }

    private static String scope(Actor actor) {
        return actor.kind().name() + ":" + actor.subjectId();
    }

    private static String codeOf(Runnable call) {
        try {
            call.run();
            return "no error";
        } catch (GcamException e) {
            return e.code();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the kit waited 60 seconds for other requests");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
