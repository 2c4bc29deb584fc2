package io.gcam.testkit.identity;

import io.gcam.core.ConflictException;
import io.gcam.identity.spi.OneTimeCodeStore;
import io.gcam.identity.spi.StoredCode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link OneTimeCodeStore} in memory, for tests and single-instance demos. Thread-safe. */
public final class InMemoryOneTimeCodeStore implements OneTimeCodeStore {

    private final Map<String, StoredCode> codes = new HashMap<>();
    private final Map<String, Instant> lastIssues = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryOneTimeCodeStore() {
    }

    @Override
    public synchronized void insert(StoredCode code) {
        if (codes.putIfAbsent(code.challengeId(), code) != null) {
            throw new ConflictException("one-time code " + code.challengeId());
        }
    }

    @Override
    public synchronized Optional<StoredCode> find(String challengeId) {
        return Optional.ofNullable(codes.get(challengeId));
    }

    @Override
    public synchronized boolean tryTakeAttempt(String challengeId, int maxAttempts, Instant now) {
        StoredCode c = codes.get(challengeId);
        if (c == null || c.attempts() >= maxAttempts || c.usedAt() != null || !c.expiresAt().isAfter(now)) {
            return false;
        }
        codes.put(challengeId, new StoredCode(c.challengeId(), c.subjectId(), c.channel(), c.destinationKey(),
                c.codeHash(), c.createdAt(), c.expiresAt(), c.attempts() + 1, null));
        return true;
    }

    @Override
    public synchronized boolean markUsed(String challengeId, Instant now) {
        StoredCode c = codes.get(challengeId);
        if (c == null || c.usedAt() != null) {
            return false;
        }
        codes.put(challengeId, new StoredCode(c.challengeId(), c.subjectId(), c.channel(), c.destinationKey(),
                c.codeHash(), c.createdAt(), c.expiresAt(), c.attempts(), now));
        return true;
    }

    @Override
    public synchronized boolean tryRecordIssue(String destinationKey, Instant now, Duration resendInterval) {
        if (resendInterval.isNegative()) {
            throw new IllegalArgumentException("resendInterval must not be negative");
        }
        Instant last = lastIssues.get(destinationKey);
        if (last != null && last.isAfter(now.minus(resendInterval))) {
            return false;
        }
        lastIssues.put(destinationKey, now);
        return true;
    }

    @Override
    public synchronized Optional<Instant> lastIssuedAt(String destinationKey) {
        return codes.values().stream().filter(c -> c.destinationKey().equals(destinationKey))
                .map(StoredCode::createdAt).max(Instant::compareTo);
    }

    @Override
    public synchronized int purgeExpired(Instant before) {
        int size = codes.size();
        codes.values().removeIf(c -> c.expiresAt().isBefore(before));
        return size - codes.size();
    }
}
