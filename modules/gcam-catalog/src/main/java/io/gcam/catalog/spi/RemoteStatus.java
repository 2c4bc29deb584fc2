package io.gcam.catalog.spi;

import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The public status of one application in an agency's backend: what the citizen may see.
 *
 * @param applicationId the application's identifier in the backend
 * @param status the public label of its state
 * @param finished whether it reached a final state
 * @param since when it entered that state, or {@code null} when unknown
 */
public record RemoteStatus(String applicationId, LocalizedText status, boolean finished, @Nullable Instant since) {

    /** Checks the required fields. */
    public RemoteStatus {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(status, "status");
    }
}
