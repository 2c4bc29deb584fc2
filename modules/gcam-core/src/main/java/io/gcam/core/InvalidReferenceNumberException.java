package io.gcam.core;

import java.util.Locale;

/**
 * A reference number does not match its format or its check characters. Code
 * {@code INVALID_REFERENCE_NUMBER}, kind {@link ErrorKind#INVALID_INPUT}. Nothing was looked up or
 * changed.
 *
 * <p>{@link #reason()} says what is wrong, so that a form can tell the user whether the number is
 * incomplete or mistyped.
 */
public class InvalidReferenceNumberException extends GcamException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 64;

    /** What is wrong with the number. */
    public enum Reason {
        /** The text does not have the shape of the format (wrong prefix, length or characters). */
        MALFORMED(LocalizedText.of(
                "it does not have the expected form. Check that it was copied completely.",
                "格式不符。請檢查編號是否完整。",
                "não tem o formato esperado. Verifique se foi copiado por completo.")),
        /** The date part has the right shape but is no real date or time (month 13, 30 February). */
        INVALID_DATE(LocalizedText.of(
                "its date part is not a real date. Check the digits of the date.",
                "其中的日期部分不是有效日期。請檢查日期的數字。",
                "a parte da data não é uma data válida. Verifique os algarismos da data.")),
        /** The check characters do not match: a character was most likely mistyped or swapped. */
        WRONG_CHECK_CHARACTERS(LocalizedText.of(
                "its check characters do not match. A character was probably mistyped or swapped.",
                "檢查碼不符。可能有字元輸入錯誤或次序顛倒。",
                "os caracteres de controlo não correspondem. Provavelmente um carácter foi mal escrito ou trocado."));

        private final LocalizedText message;

        Reason(LocalizedText message) {
            this.message = message;
        }

        /** @return what is wrong, in the three languages */
        public LocalizedText message() {
            return message;
        }
    }

    private final Reason reason;
    private final String shownValue;

    /**
     * @param value the rejected text (shown in the message shortened to 64 characters, with control
     *     and non-ASCII characters replaced by {@code ?})
     * @param reason what is wrong
     */
    public InvalidReferenceNumberException(String value, Reason reason) {
        super(CoreErrorCode.INVALID_REFERENCE_NUMBER, shown(value), reason.message().en());
        this.shownValue = shown(value);
        this.reason = reason;
    }

    /** @return what is wrong with the number */
    public Reason reason() {
        return reason;
    }

    @Override
    public String localizedMessage(Locale locale) {
        return Messages.format(CoreErrorCode.BUNDLE, CoreErrorCode.INVALID_REFERENCE_NUMBER.code(), locale,
                shownValue, reason.message().in(locale));
    }

    private static String shown(String value) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < value.length() && i < MAX_SHOWN; i++) {
            char c = value.charAt(i);
            shown.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (value.length() > MAX_SHOWN) {
            shown.append("...");
        }
        return shown.toString();
    }
}
