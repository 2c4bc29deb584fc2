package io.gcam.identity;

import io.gcam.identity.internal.Pii;
import java.time.Instant;
import java.util.Objects;

/**
 * One successful verification of a person: who (the stable subject id the agency uses for them),
 * how ({@link VerificationMethod}), how sure ({@link AssuranceLevel}), what was vouched for
 * ({@link VerifiedAttributes}), when, and until when it may be relied on.
 *
 * <p>{@link #toString()} masks the subject id and every attribute.
 *
 * @param subjectId the person's subject id, the same as {@link io.gcam.core.Actor#subjectId()}
 * @param method how the identity was verified
 * @param level the assurance level reached
 * @param attributes the verified attributes
 * @param verifiedAt when the verification succeeded
 * @param expiresAt after this instant the verification no longer counts
 */
public record VerifiedIdentity(
        String subjectId,
        VerificationMethod method,
        AssuranceLevel level,
        VerifiedAttributes attributes,
        Instant verifiedAt,
        Instant expiresAt) {

    /** Checks that every part is present and that the verification expires after it was made. */
    public VerifiedIdentity {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (subjectId.isBlank()) {
            throw new IllegalArgumentException("subjectId is blank");
        }
        if (!expiresAt.isAfter(verifiedAt)) {
            throw new IllegalArgumentException("expiresAt must be after verifiedAt");
        }
    }

    /** @return a builder; every setting but {@code attributes} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the verification counts at {@code now}: made no later than {@code now} and not yet
     * expired.
     *
     * @param now the instant to check
     * @return {@code true} when {@code verifiedAt <= now < expiresAt}
     */
    public boolean isValidAt(Instant now) {
        return !now.isBefore(verifiedAt) && now.isBefore(expiresAt);
    }

    /** @return the identity with subject id and attributes masked */
    @Override
    public String toString() {
        return "VerifiedIdentity[subjectId=" + Pii.mask(subjectId) + ", method=" + method + ", level=" + level
                + ", attributes=" + attributes + ", verifiedAt=" + verifiedAt + ", expiresAt=" + expiresAt + "]";
    }

    /** Builds a {@link VerifiedIdentity}. */
    public static final class Builder {
        private String subjectId = "";
        private VerificationMethod method = VerificationMethod.OTHER;
        private AssuranceLevel level = AssuranceLevel.LOW;
        private VerifiedAttributes attributes = VerifiedAttributes.NONE;
        private Instant verifiedAt = Instant.EPOCH;
        private Instant expiresAt = Instant.EPOCH;

        private Builder() {
        }

        /** @param value the subject id; @return this builder */
        public Builder subjectId(String value) {
            this.subjectId = Objects.requireNonNull(value, "subjectId");
            return this;
        }

        /** @param value the method; @return this builder */
        public Builder method(VerificationMethod value) {
            this.method = Objects.requireNonNull(value, "method");
            return this;
        }

        /** @param value the level; @return this builder */
        public Builder level(AssuranceLevel value) {
            this.level = Objects.requireNonNull(value, "level");
            return this;
        }

        /** @param value the verified attributes; @return this builder */
        public Builder attributes(VerifiedAttributes value) {
            this.attributes = Objects.requireNonNull(value, "attributes");
            return this;
        }

        /** @param value when the verification succeeded; @return this builder */
        public Builder verifiedAt(Instant value) {
            this.verifiedAt = Objects.requireNonNull(value, "verifiedAt");
            return this;
        }

        /** @param value when the verification stops counting; @return this builder */
        public Builder expiresAt(Instant value) {
            this.expiresAt = Objects.requireNonNull(value, "expiresAt");
            return this;
        }

        /**
         * @return the identity
         * @throws IllegalArgumentException when the subject id is blank or {@code expiresAt} is not
         *     after {@code verifiedAt}
         */
        public VerifiedIdentity build() {
            return new VerifiedIdentity(subjectId, method, level, attributes, verifiedAt, expiresAt);
        }
    }
}
