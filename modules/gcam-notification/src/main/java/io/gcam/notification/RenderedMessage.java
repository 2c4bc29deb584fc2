package io.gcam.notification;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A template variant with every placeholder filled in: what the recipient will see.
 *
 * @param templateId the template's id
 * @param templateVersion the template version that was rendered
 * @param channel the channel the variant is for
 * @param locale the language actually used (after fallback)
 * @param subject the email subject, a single line; null for SMS and in-app
 * @param text the plain text body
 * @param html the HTML body with every value HTML-escaped; null when the variant has none
 */
public record RenderedMessage(String templateId, int templateVersion, Channel channel, Locale locale,
        @Nullable String subject, String text, @Nullable String html) {

    /** Checks the components are present. */
    public RenderedMessage {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(text, "text");
    }
}
