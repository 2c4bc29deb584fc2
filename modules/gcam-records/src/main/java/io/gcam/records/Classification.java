package io.gcam.records;

import io.gcam.core.LocalizedText;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One class of an agency's file plan: a code in a tree of classes, with the retention rule that
 * applies to the records filed under it.
 *
 * @param agency the agency whose file plan this is
 * @param code the class code, unique in the agency, e.g. {@code HR.RECRUITMENT}
 * @param title the class title in up to three languages
 * @param parentCode the parent class's code, {@code null} for a top-level class
 * @param retention the rule for its records, {@code null} when they are kept indefinitely
 */
public record Classification(String agency, String code, LocalizedText title, @Nullable String parentCode,
        @Nullable RetentionRule retention) {

    /** Checks that agency, code and title are present. */
    public Classification {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
    }
}
