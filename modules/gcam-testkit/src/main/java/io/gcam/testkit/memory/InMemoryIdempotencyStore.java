package io.gcam.testkit.memory;

import io.gcam.core.spi.IdempotencyRecord;
import io.gcam.core.spi.IdempotencyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@link IdempotencyStore} in memory, for tests and single-instance demos. Every operation is
 * atomic under the instance's lock; records live until purged or the JVM exits. It takes part in no
 * transaction.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final Map<Id, IdempotencyRecord> records = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryIdempotencyStore() {
    }

    @Override
    public synchronized Optional<IdempotencyRecord> claim(IdempotencyRecord candidate, Instant now) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(now, "now");
        Id id = new Id(candidate.scope(), candidate.key());
        IdempotencyRecord existing = records.get(id);
        if (existing != null && existing.isLive(now)) {
            return Optional.of(existing);
        }
        records.put(id, candidate);
        return Optional.empty();
    }

    @Override
    public synchronized boolean complete(String scope, String key, String owner, @Nullable String result) {
        Id id = new Id(scope, key);
        IdempotencyRecord existing = records.get(id);
        if (!ownedInFlight(existing, owner)) {
            return false;
        }
        records.put(id, new IdempotencyRecord(scope, key, existing.fingerprint(), IdempotencyRecord.Status.COMPLETED,
                result, owner, existing.createdAt(), existing.lockedUntil(), existing.expiresAt()));
        return true;
    }

    @Override
    public synchronized boolean release(String scope, String key, String owner) {
        Id id = new Id(scope, key);
        if (!ownedInFlight(records.get(id), owner)) {
            return false;
        }
        records.remove(id);
        return true;
    }

    @Override
    public synchronized Optional<IdempotencyRecord> find(String scope, String key) {
        return Optional.ofNullable(records.get(new Id(scope, key)));
    }

    @Override
    public synchronized int purgeExpired(Instant now) {
        int before = records.size();
        records.values().removeIf(record -> !now.isBefore(record.expiresAt()));
        return before - records.size();
    }

    /** @return how many records are stored, expired ones included */
    public synchronized int size() {
        return records.size();
    }

    private static boolean ownedInFlight(@Nullable IdempotencyRecord record, String owner) {
        return record != null && record.owner().equals(owner) && record.status() == IdempotencyRecord.Status.IN_FLIGHT;
    }

    private record Id(String scope, String key) {
    }
}
