package io.gcam.catalog;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the performance figures know of one application: when it was received and when it was
 * completed (reached a final state). Identifiers only, never personal data.
 *
 * @param applicationId the application's identifier in the agency's backend
 * @param serviceCode the catalogue service it belongs to
 * @param agency the agency that handles it
 * @param receivedAt when it was received
 * @param completedAt when it reached a final state, or {@code null} while it is open
 */
public record CaseRecord(String applicationId, String serviceCode, String agency, Instant receivedAt,
        @Nullable Instant completedAt) {

    /** Checks the required fields. */
    public CaseRecord {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
