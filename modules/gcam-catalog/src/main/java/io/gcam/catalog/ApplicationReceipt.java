package io.gcam.catalog;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of filing an application through the single window.
 *
 * @param filing the recorded filing, with the agency's reference number
 * @param accessCode the code for status inquiries without login, shown to the citizen once; or
 *     {@code null} when the agency's backend has none
 */
public record ApplicationReceipt(Filing filing, @Nullable String accessCode) {

    /** Checks the filing is present. */
    public ApplicationReceipt {
        Objects.requireNonNull(filing, "filing");
    }

    /** Leaves the access code out. */
    @Override
    public String toString() {
        return "ApplicationReceipt[" + filing.referenceNumber() + "]";
    }
}
