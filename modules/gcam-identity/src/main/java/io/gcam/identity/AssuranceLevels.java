package io.gcam.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Decisions on assurance levels: which verification counts, and whether it is enough. */
public final class AssuranceLevels {

    private AssuranceLevels() {
    }

    /**
     * The strongest verification of {@code verifications} that is valid at {@code now}: highest
     * level first, then the one that stays valid longest.
     *
     * @param verifications one person's verifications
     * @param now the instant of the decision
     * @return the strongest valid one, empty when none is valid
     */
    public static Optional<VerifiedIdentity> strongestValid(Collection<VerifiedIdentity> verifications, Instant now) {
        Objects.requireNonNull(now, "now");
        return verifications.stream()
                .filter(v -> v.isValidAt(now))
                .max(Comparator.comparing(VerifiedIdentity::level).thenComparing(VerifiedIdentity::expiresAt));
    }

    /**
     * Checks that {@code identity} is valid at {@code now} and reaches {@code minimum}.
     *
     * @param identity the person's verification, or {@code null} when there is none
     * @param minimum the level the service demands
     * @param now the instant of the decision
     * @return {@code identity}, for chaining
     * @throws InsufficientAssuranceException {@code INSUFFICIENT_ASSURANCE} when there is no
     *     identity, it has expired, or its level is lower than {@code minimum}
     */
    public static VerifiedIdentity require(@Nullable VerifiedIdentity identity, AssuranceLevel minimum, Instant now) {
        Objects.requireNonNull(minimum, "minimum");
        if (identity == null || !identity.isValidAt(now)) {
            throw new InsufficientAssuranceException(minimum, null);
        }
        if (!identity.level().isAtLeast(minimum)) {
            throw new InsufficientAssuranceException(minimum, identity.level());
        }
        return identity;
    }
}
