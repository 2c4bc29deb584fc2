package io.gcam.core;

/** Builds gcam-core's own field violations from the {@code io.gcam.core.violations} bundle. */
final class CoreViolations {

    static final String BUNDLE = "io.gcam.core.violations";

    private CoreViolations() {
    }

    static ValidationException.Violation violation(String field, String key, Object... args) {
        return new ValidationException.Violation(field, Messages.text(BUNDLE, key, args));
    }
}
