package io.gcam.profile;

import java.util.Locale;

/** The language the applicant wants to be addressed in: one of GCAM's three. */
public enum PreferredLanguage {
    /** English. */
    ENGLISH(Locale.ENGLISH),
    /** Traditional Chinese ({@code zh-Hant}). */
    TRADITIONAL_CHINESE(Locale.forLanguageTag("zh-Hant")),
    /** Portuguese. */
    PORTUGUESE(Locale.forLanguageTag("pt"));

    private final Locale locale;

    PreferredLanguage(Locale locale) {
        this.locale = locale;
    }

    /** @return the locale to format messages with */
    public Locale locale() {
        return locale;
    }
}
