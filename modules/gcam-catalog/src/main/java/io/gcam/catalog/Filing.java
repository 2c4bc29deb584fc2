package io.gcam.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * An application a citizen filed through the single window, as the platform remembers it. The
 * application itself lives in the owning agency's backend; this is the pointer to it.
 *
 * @param id the filing's identifier in the platform
 * @param applicantId subject id of the citizen who filed it
 * @param serviceCode the catalogue service it was filed for
 * @param agency the agency that handles it
 * @param applicationId the application's identifier in the agency's backend
 * @param referenceNumber the reference number the agency gave it
 * @param filedAt when it was filed
 */
public record Filing(String id, String applicantId, String serviceCode, String agency, String applicationId,
        String referenceNumber, Instant filedAt) {

    /** Checks every field is present. */
    public Filing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(referenceNumber, "referenceNumber");
        Objects.requireNonNull(filedAt, "filedAt");
    }
}
