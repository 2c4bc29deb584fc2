package io.gcam.core;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Input failed validation. Code {@code VALIDATION_FAILED}. Nothing was changed.
 *
 * <p>{@link #violations()} names each offending field (a property path such as
 * {@code contacts[0].email}) with its message in all three languages.
 */
public class ValidationException extends GcamException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * @param violations what is wrong, at least one
     */
    public ValidationException(List<Violation> violations) {
        super(CoreErrorCode.VALIDATION_FAILED, summary(violations, GcamLocales.ENGLISH));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /**
     * Shorthand for a single violation.
     *
     * @param field the property path of the offending field
     * @param message what is wrong, in the three languages
     * @return the exception, to be thrown by the caller
     */
    public static ValidationException of(String field, LocalizedText message) {
        return new ValidationException(List.of(new Violation(field, message)));
    }

    /** The violations, in a stable order. */
    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String localizedMessage(Locale locale) {
        return Messages.format(CoreErrorCode.BUNDLE, CoreErrorCode.VALIDATION_FAILED.code(), locale,
                summary(violations, locale));
    }

    private static String summary(List<Violation> violations, Locale locale) {
        return violations.stream()
                .map(v -> v.field().isEmpty() ? v.message().in(locale) : v.field() + ": " + v.message().in(locale))
                .collect(Collectors.joining("; "));
    }

    /**
     * One offending field.
     *
     * @param field property path, e.g. {@code email} or {@code sessions[2].capacity}; empty for the
     *     object as a whole
     * @param message what is wrong, in the three languages
     */
    public record Violation(String field, LocalizedText message) {
    }
}
