package io.gcam.core;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Wraps the provider's message interpolator for {@link BeanValidation}: while a
 * {@link BeanValidation} call is validating on the current thread, each message is interpolated in
 * all three languages with the provider's own context (so provider-specific message parameters
 * work) and remembered for that call. Outside such a call it interpolates in the supported
 * language closest to the requested one; the JVM default locale is never used.
 */
final class TrilingualMessageInterpolator implements MessageInterpolator {

    private static final ThreadLocal<@Nullable Map<String, LocalizedText>> CAPTURE = new ThreadLocal<>();

    private final MessageInterpolator delegate;

    TrilingualMessageInterpolator(MessageInterpolator delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Makes interpolations on this thread record their three languages into {@code sink}; returns the previous sink. */
    static @Nullable Map<String, LocalizedText> capture(@Nullable Map<String, LocalizedText> sink) {
        Map<String, LocalizedText> previous = CAPTURE.get();
        if (sink == null) {
            CAPTURE.remove();
        } else {
            CAPTURE.set(sink);
        }
        return previous;
    }

    static String key(String template, String message) {
        return template + '\u0000' + message;
    }

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, GcamLocales.ENGLISH);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        Map<String, LocalizedText> sink = CAPTURE.get();
        if (sink == null) {
            return delegate.interpolate(template, context, GcamLocales.resolve(locale));
        }
        LocalizedText text = translate(delegate, template, context);
        String message = text.in(locale);
        sink.putIfAbsent(key(template, message), text);
        return message;
    }

    /** Interpolates {@code template} in English, Traditional Chinese and Portuguese. */
    static LocalizedText translate(MessageInterpolator interpolator, String template, Context context) {
        String en = interpolator.interpolate(template, context, GcamLocales.ENGLISH);
        if (en == null || en.isBlank()) {
            return Messages.text(CoreViolations.BUNDLE, "INVALID");
        }
        return LocalizedText.of(en,
                interpolator.interpolate(template, context, GcamLocales.TRADITIONAL_CHINESE),
                interpolator.interpolate(template, context, GcamLocales.PORTUGUESE));
    }
}
