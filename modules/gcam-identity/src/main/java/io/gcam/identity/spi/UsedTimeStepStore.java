package io.gcam.identity.spi;

/**
 * Remembers, per subject, the last TOTP time step that was accepted, so that a one-time password
 * is accepted at most once (RFC 6238, section 5.2). Implementations must be atomic across
 * application instances: of two concurrent calls for the same subject and step, at most one
 * returns {@code true}.
 */
public interface UsedTimeStepStore {

    /**
     * Records {@code step} as used for {@code subjectId} if it is later than every step accepted
     * before for that subject.
     *
     * @param subjectId the person whose password was checked
     * @param step the time step of the password that matched
     * @return {@code true} when recorded; {@code false} when {@code step} or a later one was already
     *     used (a replay)
     */
    boolean markUsed(String subjectId, long step);
}
