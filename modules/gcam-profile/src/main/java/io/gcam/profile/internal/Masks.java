package io.gcam.profile.internal;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** Masks personal data for {@code toString()} and log lines: nothing of the value can be read back. */
public final class Masks {

    private Masks() {
    }

    /**
     * @param value a personal value, or {@code null}
     * @return {@code null} for {@code null}, otherwise a fixed {@code ***} (not even the length shows)
     */
    public static @Nullable String mask(@Nullable Object value) {
        return value == null ? null : "***";
    }

    /**
     * @param values a list of personal entries
     * @return how many entries there are, without their content
     */
    public static String count(Collection<?> values) {
        return "[" + values.size() + " masked]";
    }
}
