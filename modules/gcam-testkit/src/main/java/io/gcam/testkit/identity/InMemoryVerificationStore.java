package io.gcam.testkit.identity;

import io.gcam.core.ConflictException;
import io.gcam.identity.spi.StoredVerification;
import io.gcam.identity.spi.VerificationStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link VerificationStore} in memory, for tests and single-instance demos. Thread-safe. */
public final class InMemoryVerificationStore implements VerificationStore {

    private final Map<String, StoredVerification> byId = new LinkedHashMap<>();

    /** Creates an empty store. */
    public InMemoryVerificationStore() {
    }

    @Override
    public synchronized void add(StoredVerification verification) {
        if (byId.putIfAbsent(verification.verificationId(), verification) != null) {
            throw new ConflictException("identity verification " + verification.verificationId());
        }
    }

    @Override
    public synchronized List<StoredVerification> findByPerson(String personId) {
        return byId.values().stream().filter(v -> v.personId().equals(personId))
                .sorted(Comparator.comparing(StoredVerification::verifiedAt)
                        .thenComparing(StoredVerification::verificationId))
                .toList();
    }
}
