package io.gcam.catalog;

import io.gcam.core.LocalizedText;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fee charged for a step.
 *
 * @param description what the fee is for
 * @param amount the amount, zero or more
 * @param currency ISO 4217 currency code, e.g. {@code MOP}
 */
public record Fee(LocalizedText description, BigDecimal amount, String currency) {

    /** Checks that every field is present and the amount is not negative. */
    public Fee {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a fee cannot be negative");
        }
    }
}
