package io.gcam.identity.spi;

import java.util.List;

/**
 * Keeps the verifications linked to each person. The compatibility kit is
 * {@code io.gcam.testkit.identity.VerificationStoreCompatibilityKit}.
 */
public interface VerificationStore {

    /**
     * Stores a new link.
     *
     * @param verification the link
     * @throws io.gcam.core.GcamException {@code CONFLICT} when the verification id exists
     */
    void add(StoredVerification verification);

    /**
     * @param personId the person
     * @return every verification of the person, oldest first (by {@code verifiedAt}, then id)
     */
    List<StoredVerification> findByPerson(String personId);
}
