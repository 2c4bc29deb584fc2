package io.gcam.catalog;

/**
 * How long the agency estimates a decision takes, in working days from a complete application.
 *
 * @param minWorkingDays the shortest usual time, 0 or more
 * @param maxWorkingDays the time the agency commits to (its service level), at least {@code minWorkingDays}
 */
public record ProcessingTime(int minWorkingDays, int maxWorkingDays) {

    /** Checks the range. */
    public ProcessingTime {
        if (minWorkingDays < 0 || maxWorkingDays < minWorkingDays) {
            throw new IllegalArgumentException("need 0 <= min <= max working days, got " + minWorkingDays + ".."
                    + maxWorkingDays);
        }
    }
}
