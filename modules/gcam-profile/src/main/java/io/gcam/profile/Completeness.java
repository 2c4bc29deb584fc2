package io.gcam.profile;

import java.util.List;
import java.util.Objects;

/**
 * How complete a profile is: the share of the counted fields that are filled in, and which are not.
 *
 * @param percent 0 to 100, rounded down (100 only when nothing is missing)
 * @param missing the counted fields still empty, in {@link ProfileField} order
 */
public record Completeness(int percent, List<ProfileField> missing) {

    /** Checks the range and copies the list. */
    public Completeness {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0..100");
        }
        missing = List.copyOf(Objects.requireNonNull(missing, "missing"));
    }

    /** @return whether nothing is missing */
    public boolean isComplete() {
        return missing.isEmpty();
    }
}
