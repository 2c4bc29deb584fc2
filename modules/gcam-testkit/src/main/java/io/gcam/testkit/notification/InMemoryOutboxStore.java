package io.gcam.testkit.notification;

import io.gcam.notification.Notification;
import io.gcam.notification.NotificationStatus;
import io.gcam.notification.spi.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OutboxStore} in memory: thread-safe, in no transaction (a rollback of the caller
 * does not remove an inserted notification), one JVM only. For tests and demos.
 */
public final class InMemoryOutboxStore implements OutboxStore {

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Creates an empty store. */
    public InMemoryOutboxStore() {
    }

    @Override
    public synchronized void insert(Notification notification) {
        if (entries.containsKey(notification.id())) {
            throw new IllegalArgumentException("notification " + notification.id() + " exists");
        }
        entries.put(notification.id(), new Entry(notification, null));
    }

    @Override
    public synchronized List<Notification> claim(Instant now, Instant leaseUntil, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
        List<Entry> due = entries.values().stream()
                .filter(e -> isDue(e, now))
                .sorted(Comparator.comparing(e -> e.notification.nextAttemptAt()))
                .limit(limit)
                .toList();
        List<Notification> claimed = new ArrayList<>(due.size());
        for (Entry e : due) {
            Notification n = e.notification;
            Notification taken = n.withStatus(NotificationStatus.SENDING, n.attempts() + 1, n.nextAttemptAt(),
                    n.lastError(), now);
            entries.put(n.id(), new Entry(taken, leaseUntil));
            claimed.add(taken);
        }
        return claimed;
    }

    private static boolean isDue(Entry e, Instant now) {
        NotificationStatus s = e.notification.status();
        if (s == NotificationStatus.CREATED || s == NotificationStatus.TEMPORARY_FAILURE) {
            return !e.notification.nextAttemptAt().isAfter(now);
        }
        return s == NotificationStatus.SENDING && e.leaseUntil != null && !e.leaseUntil.isAfter(now);
    }

    @Override
    public synchronized boolean complete(String id, int attempt, NotificationStatus status, Instant nextAttemptAt,
            @Nullable String error, Instant now) {
        if (status == NotificationStatus.CREATED || status == NotificationStatus.SENDING) {
            throw new IllegalArgumentException("an attempt cannot end in " + status);
        }
        Entry e = current(id, attempt);
        if (e == null) {
            return false;
        }
        entries.put(id, new Entry(e.notification.withStatus(status, attempt, nextAttemptAt, error, now), null));
        return true;
    }

    @Override
    public synchronized boolean release(String id, int attempt, Instant nextAttemptAt, Instant now) {
        Entry e = current(id, attempt);
        if (e == null) {
            return false;
        }
        entries.put(id, new Entry(e.notification.withStatus(NotificationStatus.CREATED, attempt - 1, nextAttemptAt,
                e.notification.lastError(), now), null));
        return true;
    }

    private @Nullable Entry current(String id, int attempt) {
        Entry e = entries.get(id);
        return e != null && e.notification.status() == NotificationStatus.SENDING
                && e.notification.attempts() == attempt ? e : null;
    }

    @Override
    public synchronized boolean requeue(String id, Instant now) {
        Entry e = entries.get(id);
        if (e == null || !e.notification.status().isRetryable()) {
            return false;
        }
        entries.put(id, new Entry(e.notification.withStatus(NotificationStatus.CREATED, 0, now,
                e.notification.lastError(), now), null));
        return true;
    }

    @Override
    public synchronized Optional<Notification> find(String id) {
        Entry e = entries.get(id);
        return e == null ? Optional.empty() : Optional.of(e.notification);
    }

    @Override
    public synchronized List<Notification> findByReference(String reference, int limit) {
        return entries.values().stream()
                .map(e -> e.notification)
                .filter(n -> reference.equals(n.reference()))
                .sorted(Comparator.comparing(Notification::createdAt).thenComparing(Notification::id))
                .limit(Math.max(1, limit))
                .toList();
    }

    /** @return every stored notification, in insertion order */
    public synchronized List<Notification> all() {
        return entries.values().stream().map(e -> e.notification).toList();
    }

    private record Entry(Notification notification, @Nullable Instant leaseUntil) {
    }
}
