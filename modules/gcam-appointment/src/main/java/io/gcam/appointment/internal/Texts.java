package io.gcam.appointment.internal;

import io.gcam.core.LocalizedText;
import io.gcam.core.Messages;
import io.gcam.core.ValidationException;
import java.util.List;

/** The field messages of gcam-appointment, from {@code io.gcam.appointment.violations}. */
public final class Texts {

    private static final String BUNDLE = "io.gcam.appointment.violations";

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
     * @return a validation exception with that one violation
     */
    public static ValidationException invalid(String field, String key, Object... args) {
        return new ValidationException(List.of(new ValidationException.Violation(field, text(key, args))));
    }
}
