package io.gcam.testkit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.GcamException;
import io.gcam.identity.spi.StoredVerification;
import io.gcam.identity.spi.VerificationStore;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link VerificationStore}, as tests. Extend it and implement {@link #createStore()}. */
public abstract class VerificationStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private VerificationStore store;
    private String prefix;

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected VerificationStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store, possibly on a backend shared with other tests
     */
    protected abstract VerificationStore createStore();

    @BeforeEach
    void createStoreAndPrefix() {
        store = createStore();
        prefix = UUID.randomUUID().toString().substring(0, 8);
    }

    private StoredVerification verification(String id, String person, Instant at, String level) {
        return new StoredVerification(prefix + id, prefix + person, "OIDC", level, at, at.plusSeconds(3600),
                "ciphertext-" + id);
    }

    @Test
    void returnsAPersonsVerificationsOldestFirst() {
        StoredVerification later = verification("v2", "p1", T0.plusSeconds(10), "HIGH");
        StoredVerification earlier = verification("v1", "p1", T0, "LOW");
        store.add(later);
        store.add(earlier);
        store.add(verification("v3", "p2", T0, "SUBSTANTIAL"));
        assertThat(store.findByPerson(prefix + "p1")).containsExactly(earlier, later);
        assertThat(store.findByPerson(prefix + "nobody")).isEmpty();
    }

    @Test
    void refusesADuplicateId() {
        store.add(verification("v1", "p1", T0, "LOW"));
        assertThatThrownBy(() -> store.add(verification("v1", "p2", T0, "LOW")))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("CONFLICT"));
    }
}
