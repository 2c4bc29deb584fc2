package io.gcam.core;

import java.util.List;
import java.util.Locale;

/**
 * The three languages GCAM speaks and how any requested locale maps onto them.
 *
 * <ul>
 *   <li>Any Chinese locale ({@code zh}, {@code zh-MO}, {@code zh-HK}, {@code zh-TW}, {@code zh-Hant},
 *       and also {@code zh-CN} or {@code zh-Hans}) resolves to {@link #TRADITIONAL_CHINESE}, the
 *       written form used by the administrations GCAM was first cut for.</li>
 *   <li>Any Portuguese locale ({@code pt}, {@code pt-MO}, {@code pt-PT}, {@code pt-BR}) resolves to
 *       {@link #PORTUGUESE}.</li>
 *   <li>Everything else, including {@link Locale#ROOT}, resolves to {@link #ENGLISH}.</li>
 * </ul>
 *
 * <p>The JVM default locale is never consulted.
 */
public final class GcamLocales {

    /** English, the fallback language. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    /** Traditional Chinese ({@code zh-Hant}). */
    public static final Locale TRADITIONAL_CHINESE = Locale.forLanguageTag("zh-Hant");

    /** Portuguese ({@code pt}). */
    public static final Locale PORTUGUESE = Locale.forLanguageTag("pt");

    /** The supported languages, fallback first. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, TRADITIONAL_CHINESE, PORTUGUESE);

    private GcamLocales() {
    }

    /**
     * Maps a requested locale to one of {@link #SUPPORTED}.
     *
     * @param requested the locale asked for; {@code null} means "no preference"
     * @return English, Traditional Chinese or Portuguese, never {@code null}
     */
    public static Locale resolve(@org.jspecify.annotations.Nullable Locale requested) {
        if (requested == null) {
            return ENGLISH;
        }
        return switch (requested.getLanguage()) {
            case "zh" -> TRADITIONAL_CHINESE;
            case "pt" -> PORTUGUESE;
            default -> ENGLISH;
        };
    }

    /**
     * Picks the best supported language from an HTTP {@code Accept-Language} style priority list.
     * The first entry whose language GCAM speaks wins; with none, English.
     *
     * @param preferences locales in order of preference (may be empty)
     * @return a member of {@link #SUPPORTED}
     */
    public static Locale resolve(List<Locale> preferences) {
        for (Locale locale : preferences) {
            String language = locale.getLanguage();
            if (language.equals("zh") || language.equals("pt") || language.equals("en")) {
                return resolve(locale);
            }
        }
        return ENGLISH;
    }
}
