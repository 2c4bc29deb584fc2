package io.gcam.identity.spi;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One issued one-time code as a {@link OneTimeCodeStore} keeps it. The code itself is never stored:
 * only a salted hash. The destination is kept only as a keyed hash (for resend throttling).
 *
 * @param challengeId random identifier of the challenge, handed to the person's client
 * @param subjectId the person the code was issued for
 * @param channel {@code EMAIL} or {@code SMS}
 * @param destinationKey hash of the normalized destination
 * @param codeHash the salted hash of the code, in the service's own format
 * @param createdAt when the code was issued
 * @param expiresAt when it stops being accepted
 * @param attempts verification attempts counted so far
 * @param usedAt when it was accepted, {@code null} while unused
 */
public record StoredCode(
        String challengeId,
        String subjectId,
        String channel,
        String destinationKey,
        String codeHash,
        Instant createdAt,
        Instant expiresAt,
        int attempts,
        @Nullable Instant usedAt) {

    /** Checks that the required parts are present. */
    public StoredCode {
        Objects.requireNonNull(challengeId, "challengeId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destinationKey, "destinationKey");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** @return the record without subject id and hashes */
    @Override
    public String toString() {
        return "StoredCode[challengeId=" + challengeId + ", channel=" + channel + ", createdAt=" + createdAt
                + ", expiresAt=" + expiresAt + ", attempts=" + attempts + ", usedAt=" + usedAt + "]";
    }
}
