package io.gcam.registration.internal;

import io.gcam.core.LocalizedText;
import io.gcam.core.Messages;
import io.gcam.core.ValidationException;

/** The field and eligibility messages of gcam-registration, from {@code io.gcam.registration.violations}. */
public final class Texts {

    private static final String BUNDLE = "io.gcam.registration.violations";

    private Texts() {
    }

    /**
     * @param key message key
     * @param args message arguments
     * @return the message in the three languages
     */
    public static LocalizedText text(String key, Object... args) {
        return Messages.text(Texts.class.getClassLoader(), BUNDLE, key, args);
    }

    /**
     * @param field property path
     * @param key message key
     * @param args message arguments
     * @return the violation
     */
    public static ValidationException.Violation violation(String field, String key, Object... args) {
        return new ValidationException.Violation(field, text(key, args));
    }
}
