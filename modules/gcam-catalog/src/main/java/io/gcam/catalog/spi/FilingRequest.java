package io.gcam.catalog.spi;

import java.util.Objects;

/**
 * An application to file with an agency's backend.
 *
 * @param filingId the platform's identifier of this filing; also the idempotency key, so a connector
 *     that retries sends it with every attempt and the backend files the application once
 * @param serviceCode the catalogue service
 * @param agency the owning agency
 * @param applicantId subject id of the citizen filing it
 * @param formData the application form as a JSON object
 */
public record FilingRequest(String filingId, String serviceCode, String agency, String applicantId, String formData) {

    /** Checks every field is present. */
    public FilingRequest {
        Objects.requireNonNull(filingId, "filingId");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(formData, "formData");
    }

    /** Leaves the form out (it may hold personal data). */
    @Override
    public String toString() {
        return "FilingRequest[" + filingId + " " + serviceCode + "@" + agency + "]";
    }
}
