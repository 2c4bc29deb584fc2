package io.gcam.testkit.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.GcamLocales;
import io.gcam.notification.Channel;
import io.gcam.notification.Notification;
import io.gcam.notification.NotificationStatus;
import io.gcam.notification.spi.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OutboxStore}, as tests. Extend it and implement {@link #createStore()}:
 *
 * <pre>{@code
 * class MyOutboxStoreTest extends OutboxStoreCompatibilityKit {
 *     @Override
 *     protected OutboxStore createStore() {
 *         return new MyOutboxStore(dataSource);
 *     }
 * }
 * }</pre>
 *
 * <p>Each test starts from an empty store: {@link #createStore()} must return a store over fresh
 * storage. Times are far in the future of each other, so no test depends on the wall clock.
 */
public abstract class OutboxStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private OutboxStore store;
    private ExecutorService executor;

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected OutboxStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store over empty storage
     */
    protected abstract OutboxStore createStore();

    /**
     * Threads the concurrent claim test races; default 8.
     *
     * @return the number of threads
     */
    protected int threads() {
        return 8;
    }

    @BeforeEach
    void createStoreAndThreads() {
        store = createStore();
        executor = Executors.newFixedThreadPool(threads());
    }

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    /**
     * A notification as the service would store it.
     *
     * @param reference the caller's reference
     * @param due when it becomes due
     * @return a new {@code CREATED} notification
     */
    protected static Notification notification(String reference, Instant due) {
        return new Notification(UUID.randomUUID().toString(), reference, "AGENCY", "subject-1", "welcome", 3,
                Channel.EMAIL, GcamLocales.TRADITIONAL_CHINESE, "a@example.org", "歡迎", "文字", "<p>文字</p>",
                List.of("doc-1", "doc-2"), NotificationStatus.CREATED, 0, due, null, due, due);
    }

    @Test
    void findsAnInsertedNotificationWithEveryField() {
        Notification n = notification("REF-1", T0);
        store.insert(n);

        assertThat(store.find(n.id())).contains(n);
        assertThat(store.find("no-such-id")).isEmpty();
    }

    @Test
    void claimsOnlyDueNotificationsAndCountsTheAttempt() {
        Notification due = notification("REF-2", T0);
        Notification later = notification("REF-2", T0.plus(Duration.ofHours(1)));
        store.insert(due);
        store.insert(later);

        List<Notification> claimed = store.claim(T0, T0.plusSeconds(60), 10);

        assertThat(claimed).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(due.id());
            assertThat(c.status()).isEqualTo(NotificationStatus.SENDING);
            assertThat(c.attempts()).isEqualTo(1);
        });
        assertThat(store.find(due.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENDING);
        assertThat(store.claim(T0.plusSeconds(1), T0.plusSeconds(61), 10)).as("leased").isEmpty();
    }

    @Test
    void claimsAtMostTheLimitOldestDueFirst() {
        for (int i = 0; i < 5; i++) {
            store.insert(notification("REF-3", T0.minusSeconds(i)));
        }

        List<Notification> first = store.claim(T0, T0.plusSeconds(60), 2);

        assertThat(first).hasSize(2);
        assertThat(first).extracting(Notification::nextAttemptAt)
                .containsExactlyInAnyOrder(T0.minusSeconds(4), T0.minusSeconds(3));
        assertThat(store.claim(T0, T0.plusSeconds(60), 10)).hasSize(3);
    }

    @Test
    void claimsNewWorkRetriesAndEndedLeasesTogetherAndReturnsThemAsStored() {
        Notification leased = notification("REF-13", T0.minusSeconds(50));
        Notification finished = notification("REF-13", T0.minusSeconds(40));
        Notification retried = notification("REF-13", T0.minusSeconds(30));
        Notification fresh = notification("REF-13", T0.minusSeconds(10));
        for (Notification n : List.of(leased, finished, retried, fresh)) {
            store.insert(n);
        }
        assertThat(store.claim(T0.minusSeconds(50), T0.minusSeconds(5), 1)).extracting(Notification::id)
                .containsExactly(leased.id());
        assertThat(store.claim(T0.minusSeconds(40), T0.plusSeconds(600), 1)).extracting(Notification::id)
                .containsExactly(finished.id());
        store.complete(finished.id(), 1, NotificationStatus.DELIVERED, T0, null, T0.minusSeconds(40));
        assertThat(store.claim(T0.minusSeconds(30), T0.plusSeconds(600), 1)).extracting(Notification::id)
                .containsExactly(retried.id());
        store.complete(retried.id(), 1, NotificationStatus.TEMPORARY_FAILURE, T0.minusSeconds(1), "SMTP 451",
                T0.minusSeconds(30));

        List<Notification> claimed = store.claim(T0, T0.plusSeconds(60), 10);

        assertThat(claimed).extracting(Notification::id)
                .containsExactlyInAnyOrder(leased.id(), retried.id(), fresh.id());
        assertThat(claimed).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(NotificationStatus.SENDING);
            assertThat(store.find(c.id())).contains(c);
        });
        assertThat(claimed).filteredOn(c -> c.id().equals(retried.id())).singleElement()
                .extracting(Notification::attempts).isEqualTo(2);
    }

    @Test
    void reclaimsANotificationWhoseLeaseEndedAndFencesTheOldClaim() {
        Notification n = notification("REF-4", T0);
        store.insert(n);
        store.claim(T0, T0.plusSeconds(60), 1);

        List<Notification> again = store.claim(T0.plusSeconds(60), T0.plusSeconds(120), 1);

        assertThat(again).singleElement().extracting(Notification::attempts).isEqualTo(2);
        assertThat(store.complete(n.id(), 1, NotificationStatus.DELIVERED, T0, null, T0.plusSeconds(61)))
                .as("the first claim's outcome").isFalse();
        assertThat(store.complete(n.id(), 2, NotificationStatus.DELIVERED, T0, null, T0.plusSeconds(61))).isTrue();
        assertThat(store.find(n.id()).orElseThrow().status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(store.claim(T0.plusSeconds(3600), T0.plusSeconds(3660), 10)).as("delivered is final").isEmpty();
    }

    @Test
    void schedulesATemporaryFailureForItsNextAttempt() {
        Notification n = notification("REF-5", T0);
        store.insert(n);
        store.claim(T0, T0.plusSeconds(60), 1);
        Instant next = T0.plusSeconds(30);

        assertThat(store.complete(n.id(), 1, NotificationStatus.TEMPORARY_FAILURE, next, "SMTP 451", T0)).isTrue();

        Notification stored = store.find(n.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(NotificationStatus.TEMPORARY_FAILURE);
        assertThat(stored.lastError()).isEqualTo("SMTP 451");
        assertThat(stored.nextAttemptAt()).isEqualTo(next);
        assertThat(store.claim(T0.plusSeconds(29), T0.plusSeconds(90), 10)).isEmpty();
        assertThat(store.claim(next, next.plusSeconds(60), 10)).singleElement()
                .extracting(Notification::attempts).isEqualTo(2);
    }

    @Test
    void releasesAClaimWithoutCountingTheAttempt() {
        Notification n = notification("REF-6", T0);
        store.insert(n);
        store.claim(T0, T0.plusSeconds(60), 1);

        assertThat(store.release(n.id(), 1, T0.plusSeconds(10), T0)).isTrue();

        Notification stored = store.find(n.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(NotificationStatus.CREATED);
        assertThat(stored.attempts()).isZero();
        assertThat(stored.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(store.release(n.id(), 1, T0, T0)).as("no longer claimed").isFalse();
    }

    @Test
    void requeuesOnlyFailedNotifications() {
        Notification n = notification("REF-7", T0);
        store.insert(n);
        assertThat(store.requeue(n.id(), T0)).as("created").isFalse();
        store.claim(T0, T0.plusSeconds(60), 1);
        store.complete(n.id(), 1, NotificationStatus.TECHNICAL_FAILURE, T0, "SMTP 451", T0);

        assertThat(store.requeue(n.id(), T0.plusSeconds(5))).isTrue();

        Notification stored = store.find(n.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(NotificationStatus.CREATED);
        assertThat(stored.attempts()).isZero();
        assertThat(store.requeue("no-such-id", T0)).isFalse();
    }

    @Test
    void findsByReferenceOldestFirst() {
        Notification second = notification("REF-8", T0.plusSeconds(1));
        Notification first = notification("REF-8", T0);
        store.insert(second);
        store.insert(first);
        store.insert(notification("OTHER", T0));

        assertThat(store.findByReference("REF-8", 10)).extracting(Notification::id)
                .containsExactly(first.id(), second.id());
        assertThat(store.findByReference("REF-8", 1)).extracting(Notification::id).containsExactly(first.id());
    }

    @Test
    void neverHandsOneNotificationToTwoConcurrentClaims() throws Exception {
        int count = 200;
        for (int i = 0; i < count; i++) {
            store.insert(notification("REF-9", T0.minusMillis(i)));
        }
        Instant now = T0.truncatedTo(ChronoUnit.SECONDS);
        List<Callable<List<String>>> claimers = new ArrayList<>();
        for (int t = 0; t < threads(); t++) {
            claimers.add(() -> {
                List<String> mine = new ArrayList<>();
                for (List<Notification> batch = store.claim(now, now.plusSeconds(600), 7); !batch.isEmpty();
                        batch = store.claim(now, now.plusSeconds(600), 7)) {
                    batch.forEach(n -> mine.add(n.id()));
                }
                return mine;
            });
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> f : executor.invokeAll(claimers)) {
            all.addAll(f.get());
        }

        Set<String> distinct = new HashSet<>(all);
        assertThat(all).hasSize(count);
        assertThat(distinct).hasSize(count);
    }
}
