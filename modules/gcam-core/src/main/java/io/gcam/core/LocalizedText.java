package io.gcam.core;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A short text in English, Traditional Chinese and Portuguese, such as a title, a status label or
 * a help text. English is required; a missing translation falls back to English.
 *
 * @param en English text, not blank
 * @param zhHant Traditional Chinese text, or {@code null} when not translated
 * @param pt Portuguese text, or {@code null} when not translated
 */
public record LocalizedText(String en, @Nullable String zhHant, @Nullable String pt) {

    /** Validates that English is present and blank translations are treated as missing. */
    public LocalizedText {
        Objects.requireNonNull(en, "en");
        if (en.isBlank()) {
            throw new IllegalArgumentException("LocalizedText needs an English text");
        }
        zhHant = blankToNull(zhHant);
        pt = blankToNull(pt);
    }

    /**
     * @param en English text
     * @param zhHant Traditional Chinese text
     * @param pt Portuguese text
     * @return a text in all three languages
     */
    public static LocalizedText of(String en, @Nullable String zhHant, @Nullable String pt) {
        return new LocalizedText(en, zhHant, pt);
    }

    /**
     * @param en English text
     * @return a text with only English (every locale sees English)
     */
    public static LocalizedText english(String en) {
        return new LocalizedText(en, null, null);
    }

    /**
     * The text for {@code locale}, mapped through {@link GcamLocales#resolve(Locale)}, falling back
     * to English when that translation is missing.
     *
     * @param locale the requested locale; {@code null} means English
     * @return the text, never {@code null}
     */
    public String in(@Nullable Locale locale) {
        Locale language = GcamLocales.resolve(locale);
        String text = null;
        if (language.equals(GcamLocales.TRADITIONAL_CHINESE)) {
            text = zhHant;
        } else if (language.equals(GcamLocales.PORTUGUESE)) {
            text = pt;
        }
        return text != null ? text : en;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
