package io.gcam.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * Looks up message templates in GCAM resource bundles and formats them for one of the three
 * supported languages (see {@link GcamLocales}).
 *
 * <p>Bundles are {@code .properties} files read as UTF-8: {@code <base>.properties} (English),
 * {@code <base>_zh_Hant.properties} and {@code <base>_pt.properties}. A key missing from a
 * translation falls back to English; a key missing everywhere yields the key itself, so a message
 * is never {@code null}. The JVM default locale is never used. An argument that is a
 * {@link LocalizedText} is shown in the same language as the message.
 */
public final class Messages {

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /**
     * Formats the message {@code key} of {@code bundle} in the supported language closest to
     * {@code locale}.
     *
     * @param bundle base name of the bundle, e.g. {@code io.gcam.core.messages}
     * @param key the message key (for errors: the code)
     * @param locale the requested locale; mapped through {@link GcamLocales#resolve(Locale)}
     * @param args {@link MessageFormat} arguments
     * @return the formatted message, or {@code key} when no bundle defines it
     */
    public static String format(String bundle, String key, Locale locale, Object... args) {
        return format(Messages.class.getClassLoader(), bundle, key, locale, args);
    }

    /**
     * Like {@link #format(String, String, Locale, Object...)}, loading the bundle through
     * {@code loader} (the class loader of the module that owns the bundle).
     *
     * @param loader class loader that can see the bundle
     * @param bundle base name of the bundle
     * @param key the message key
     * @param locale the requested locale
     * @param args {@link MessageFormat} arguments
     * @return the formatted message, or {@code key} when no bundle defines it
     */
    public static String format(ClassLoader loader, String bundle, String key, Locale locale, Object... args) {
        Locale language = GcamLocales.resolve(locale);
        String template = template(loader, bundle, key, language);
        if (template == null) {
            return key;
        }
        if (args.length == 0) {
            return template.replace("''", "'");
        }
        Object[] localized = args.clone();
        for (int i = 0; i < localized.length; i++) {
            if (localized[i] instanceof LocalizedText text) {
                localized[i] = text.in(language);
            }
        }
        return new MessageFormat(template, language).format(localized);
    }

    /**
     * The message {@code key} of {@code bundle} in all three languages, for example to build a
     * {@link ValidationException.Violation}.
     *
     * @param bundle base name of the bundle, loaded through the class loader of gcam-core
     * @param key the message key
     * @param args {@link MessageFormat} arguments
     * @return the message in English, Traditional Chinese and Portuguese (a missing translation
     *     falls back to English, a missing key to the key itself)
     */
    public static LocalizedText text(String bundle, String key, Object... args) {
        return text(Messages.class.getClassLoader(), bundle, key, args);
    }

    /**
     * Like {@link #text(String, String, Object...)}, loading the bundle through {@code loader}.
     *
     * @param loader class loader that can see the bundle
     * @param bundle base name of the bundle
     * @param key the message key
     * @param args {@link MessageFormat} arguments
     * @return the message in the three supported languages
     */
    public static LocalizedText text(ClassLoader loader, String bundle, String key, Object... args) {
        return LocalizedText.of(
                format(loader, bundle, key, GcamLocales.ENGLISH, args),
                format(loader, bundle, key, GcamLocales.TRADITIONAL_CHINESE, args),
                format(loader, bundle, key, GcamLocales.PORTUGUESE, args));
    }

    private static @Nullable String template(ClassLoader loader, String bundle, String key, Locale language) {
        try {
            ResourceBundle resources = ResourceBundle.getBundle(bundle, language, loader, NO_DEFAULT_LOCALE_FALLBACK);
            if (resources.containsKey(key)) {
                return resources.getString(key);
            }
        } catch (MissingResourceException e) {
            // fall through to English below
        }
        if (!language.equals(GcamLocales.ENGLISH)) {
            return template(loader, bundle, key, GcamLocales.ENGLISH);
        }
        return null;
    }
}
