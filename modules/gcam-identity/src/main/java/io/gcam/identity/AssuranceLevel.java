package io.gcam.identity;

/**
 * How much confidence a verification gives in a claimed identity, after the levels of assurance of
 * eIDAS (Regulation (EU) No 910/2014, Art. 8, and Implementing Regulation (EU) 2015/1502).
 *
 * <p>Levels are ordered: {@code LOW < SUBSTANTIAL < HIGH}. A service that demands a level accepts
 * that level and every higher one.
 */
public enum AssuranceLevel {
    /** Limited confidence, e.g. control of an email address or a phone number was shown. */
    LOW,
    /** Substantial confidence, e.g. an eID login with two factors, or a checked identity document. */
    SUBSTANTIAL,
    /** High confidence, e.g. an eID with a hardware-protected credential or an in-person check. */
    HIGH;

    /**
     * Whether this level satisfies a demand for {@code minimum}.
     *
     * @param minimum the level a service demands
     * @return {@code true} when this level is the same as or higher than {@code minimum}
     */
    public boolean isAtLeast(AssuranceLevel minimum) {
        return compareTo(minimum) >= 0;
    }
}
