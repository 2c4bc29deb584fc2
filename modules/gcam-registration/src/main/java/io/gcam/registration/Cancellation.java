package io.gcam.registration;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a cancellation or a session change: the changed registration and, when a seat was
 * freed and someone was waiting for it, the registration that was promoted to confirmed in the same
 * transaction.
 *
 * @param registration the cancelled (or moved) registration, as it is now
 * @param promoted the waitlisted registration that took the freed seat, or {@code null}
 */
public record Cancellation(Registration registration, @Nullable Registration promoted) {

    /** Checks that the registration is present. */
    public Cancellation {
        Objects.requireNonNull(registration, "registration");
    }

    /** @return the promoted registration, if any */
    public Optional<Registration> promotedRegistration() {
        return Optional.ofNullable(promoted);
    }
}
