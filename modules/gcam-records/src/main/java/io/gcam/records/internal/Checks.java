package io.gcam.records.internal;

import io.gcam.core.LocalizedText;
import io.gcam.core.ValidationException;
import org.jspecify.annotations.Nullable;

/** Validation of the free texts the service accepts. */
public final class Checks {

    private Checks() {
    }

    /**
     * @param field the field name reported
     * @param value the value
     * @param maxLength the most characters allowed
     * @return the value, stripped
     * @throws ValidationException when blank, too long or with control characters
     */
    public static String text(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of(field, LocalizedText.of("must not be blank", "不可留空", "não pode ficar em branco"));
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw ValidationException.of(field, LocalizedText.of(
                    "must be at most " + maxLength + " characters",
                    "不可超過 " + maxLength + " 個字元",
                    "deve ter no máximo " + maxLength + " caracteres"));
        }
        for (int i = 0; i < stripped.length(); i++) {
            if (Character.isISOControl(stripped.charAt(i))) {
                throw ValidationException.of(field, LocalizedText.of(
                        "must not contain control characters", "不可包含控制字元", "não pode conter caracteres de controlo"));
            }
        }
        return stripped;
    }

    /**
     * Like {@link #text} but {@code null} passes.
     *
     * @param field the field name reported
     * @param value the value or {@code null}
     * @param maxLength the most characters allowed
     * @return the stripped value, or {@code null}
     */
    public static @Nullable String optionalText(String field, @Nullable String value, int maxLength) {
        return value == null ? null : text(field, value, maxLength);
    }
}
