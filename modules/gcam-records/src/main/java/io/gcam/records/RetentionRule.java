package io.gcam.records;

import java.time.Period;
import java.util.Objects;

/**
 * How long records of a classification are kept after they close, and what happens then.
 *
 * @param keepFor the period after the closing date, e.g. {@code Period.ofYears(10)}; not negative
 * @param action what a disposal run does once the period has passed
 */
public record RetentionRule(Period keepFor, DisposalAction action) {

    /** Checks that both parts are present and the period is not negative. */
    public RetentionRule {
        Objects.requireNonNull(keepFor, "keepFor");
        Objects.requireNonNull(action, "action");
        if (keepFor.isNegative()) {
            throw new IllegalArgumentException("keepFor must not be negative: " + keepFor);
        }
    }

    /**
     * @param years years to keep after closing
     * @param action what to do then
     * @return the rule
     */
    public static RetentionRule years(int years, DisposalAction action) {
        return new RetentionRule(Period.ofYears(years), action);
    }
}
