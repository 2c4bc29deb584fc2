package io.gcam.core;

/** Validation of short identifiers handed to the audit trail and the idempotent executor. */
final class TextChecks {

    private TextChecks() {
    }

    /**
     * @param field the property name reported in the violation
     * @param value the value to check
     * @param maxLength the maximum length in UTF-16 characters
     * @return {@code value}
     * @throws ValidationException when blank, longer than {@code maxLength} or containing an ISO
     *     control character
     */
    static String requireText(String field, String value, int maxLength) {
        requireNotBlankAndShort(field, value, maxLength);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw ValidationException.of(field, LocalizedText.of(
                        "must not contain control characters",
                        "不可包含控制字元",
                        "não pode conter caracteres de controlo"));
            }
        }
        return value;
    }

    /**
     * @param field the property name reported in the violation
     * @param value the value to check
     * @param maxLength the maximum length
     * @return {@code value}
     * @throws ValidationException when blank, longer than {@code maxLength} or containing anything but
     *     printable ASCII ({@code 0x20} to {@code 0x7E})
     */
    static String requirePrintableAscii(String field, String value, int maxLength) {
        requireNotBlankAndShort(field, value, maxLength);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw ValidationException.of(field, LocalizedText.of(
                        "must contain only printable ASCII characters",
                        "只能包含可列印的 ASCII 字元",
                        "só pode conter caracteres ASCII imprimíveis"));
            }
        }
        return value;
    }

    private static void requireNotBlankAndShort(String field, String value, int maxLength) {
        if (value.isBlank()) {
            throw ValidationException.of(field, LocalizedText.of(
                    "must not be blank",
                    "不可為空白",
                    "não pode estar em branco"));
        }
        if (value.length() > maxLength) {
            throw ValidationException.of(field, LocalizedText.of(
                    "must be at most " + maxLength + " characters long",
                    "長度不可超過 " + maxLength + " 個字元",
                    "deve ter no máximo " + maxLength + " caracteres"));
        }
    }
}
