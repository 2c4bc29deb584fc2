package io.gcam.catalog.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the agency's backend answered to a filing.
 *
 * @param applicationId the application's identifier in the backend
 * @param referenceNumber the reference number to show the citizen
 * @param accessCode a code for status inquiries without login, shown to the citizen once, or
 *     {@code null} when the backend has none
 */
public record FiledApplication(String applicationId, String referenceNumber, @Nullable String accessCode) {

    /** Checks the required fields. */
    public FiledApplication {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(referenceNumber, "referenceNumber");
    }

    /** Leaves the access code out. */
    @Override
    public String toString() {
        return "FiledApplication[" + referenceNumber + "]";
    }
}
