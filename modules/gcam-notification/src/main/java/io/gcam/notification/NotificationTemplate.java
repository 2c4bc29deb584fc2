package io.gcam.notification;

import io.gcam.core.GcamException;
import io.gcam.core.GcamLocales;
import io.gcam.notification.internal.Placeholders;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A versioned notification template: per channel and per language (English, Traditional Chinese,
 * Portuguese) a subject, plain text and HTML (email) or a text (SMS, in-app), with
 * {@code ((placeholder))} fields as in GOV.UK Notify.
 *
 * <pre>{@code
 * NotificationTemplate welcome = NotificationTemplate.builder("welcome")
 *         .version(2)
 *         .email(GcamLocales.ENGLISH, "Welcome, ((name))", "Dear ((name)), ...", "<p>Dear ((name)), ...</p>")
 *         .email(GcamLocales.PORTUGUESE, "Bem-vindo, ((name))", "Caro(a) ((name)), ...", null)
 *         .sms(GcamLocales.ENGLISH, "Welcome ((name))")
 *         .build();
 * }</pre>
 *
 * <p>Rendering guarantees: a missing value fails with {@code PLACEHOLDER_VALUE_MISSING} (a text
 * with {@code ((name))} left in is never produced); values are HTML-escaped in HTML bodies; a
 * subject that would contain a line break fails with {@code HEADER_LINE_BREAK}. A language without
 * a variant falls back to English, then to any language the template has.
 */
public final class NotificationTemplate {

    /** Longest template id. */
    public static final int MAX_ID_LENGTH = 100;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final String id;
    private final int version;
    private final Map<Channel, Map<Locale, Variant>> variants;

    private NotificationTemplate(Builder builder) {
        this.id = builder.id;
        this.version = builder.version;
        Map<Channel, Map<Locale, Variant>> copy = new EnumMap<>(Channel.class);
        builder.variants.forEach((channel, byLocale) ->
                copy.put(channel, Collections.unmodifiableMap(new LinkedHashMap<>(byLocale))));
        this.variants = Collections.unmodifiableMap(copy);
    }

    /**
     * Starts a template.
     *
     * @param id lower-case letters, digits, '.', '_' and '-', at most 100 characters
     * @return a builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the template id */
    public String id() {
        return id;
    }

    /** @return the version, 1 or more; a sent notification records it */
    public int version() {
        return version;
    }

    /** @return the channels this template has at least one variant for */
    public Set<Channel> channels() {
        return variants.keySet();
    }

    /**
     * The variant for a channel and language, with fallback to English and then to any language.
     *
     * @param channel the channel
     * @param locale the wanted language; resolved with {@link GcamLocales#resolve(Locale)}
     * @return the variant, or empty when the template has none for the channel
     */
    public Optional<Variant> variant(Channel channel, @Nullable Locale locale) {
        Map<Locale, Variant> byLocale = variants.get(channel);
        if (byLocale == null || byLocale.isEmpty()) {
            return Optional.empty();
        }
        Variant exact = byLocale.get(GcamLocales.resolve(locale));
        if (exact != null) {
            return Optional.of(exact);
        }
        Variant english = byLocale.get(GcamLocales.ENGLISH);
        return Optional.of(english != null ? english : byLocale.values().iterator().next());
    }

    /** @return every placeholder name used in any variant */
    public Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        variants.values().forEach(byLocale -> byLocale.values().forEach(v -> {
            names.addAll(Placeholders.names(v.text()));
            if (v.subject() != null) {
                names.addAll(Placeholders.names(v.subject()));
            }
            if (v.html() != null) {
                names.addAll(Placeholders.names(v.html()));
            }
        }));
        return names;
    }

    /**
     * Renders the variant for a channel and language.
     *
     * @param channel the channel
     * @param locale the wanted language (falls back as {@link #variant(Channel, Locale)} does)
     * @param values placeholder values by name; extra values are ignored
     * @return the rendered message
     * @throws GcamException {@code TEMPLATE_CHANNEL_MISSING}, {@code PLACEHOLDER_VALUE_MISSING} or
     *     {@code HEADER_LINE_BREAK}
     */
    public RenderedMessage render(Channel channel, @Nullable Locale locale, Map<String, String> values) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(values, "values");
        Variant variant = variant(channel, locale).orElseThrow(() ->
                new GcamException(NotificationErrorCode.TEMPLATE_CHANNEL_MISSING, id, channel.name()));
        Set<String> missing = new TreeSet<>();
        String subject = variant.subject() == null ? null : Placeholders.render(variant.subject(), values, false, missing);
        String text = Placeholders.render(variant.text(), values, false, missing);
        String html = variant.html() == null ? null : Placeholders.render(variant.html(), values, true, missing);
        if (!missing.isEmpty()) {
            throw new GcamException(NotificationErrorCode.PLACEHOLDER_VALUE_MISSING, id, String.join(", ", missing));
        }
        if (subject != null && Placeholders.hasLineBreak(subject)) {
            throw new GcamException(NotificationErrorCode.HEADER_LINE_BREAK, "subject");
        }
        return new RenderedMessage(id, version, channel, variant.locale(), subject, text, html);
    }

    @Override
    public String toString() {
        return "NotificationTemplate[" + id + " v" + version + " " + variants.keySet() + "]";
    }

    /**
     * One channel and language of a template.
     *
     * @param locale the language: English, Traditional Chinese or Portuguese
     * @param subject the email subject (a single line); null for SMS and in-app
     * @param text the plain text
     * @param html the HTML body of an email; null for none
     */
    public record Variant(Locale locale, @Nullable String subject, String text, @Nullable String html) {

        /** Checks the components are present. */
        public Variant {
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("a template variant needs a text");
            }
            if (subject != null && Placeholders.hasLineBreak(subject)) {
                throw new IllegalArgumentException("a subject must be a single line");
            }
        }
    }

    /** Builds a {@link NotificationTemplate}. */
    public static final class Builder {
        private final String id;
        private int version = 1;
        private final Map<Channel, Map<Locale, Variant>> variants = new EnumMap<>(Channel.class);

        private Builder(String id) {
            Objects.requireNonNull(id, "id");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("template id must be lower-case letters, digits, '.', '_' or '-': "
                        + id);
            }
            this.id = id;
        }

        /**
         * @param version 1 or more; raise it whenever the wording changes
         * @return this builder
         */
        public Builder version(int version) {
            if (version < 1) {
                throw new IllegalArgumentException("template version must be 1 or more");
            }
            this.version = version;
            return this;
        }

        /**
         * Adds the email variant of a language.
         *
         * @param locale the language
         * @param subject the subject line
         * @param text the plain text body
         * @param html the HTML body, or null for a plain text email
         * @return this builder
         */
        public Builder email(Locale locale, String subject, String text, @Nullable String html) {
            Objects.requireNonNull(subject, "subject");
            return add(Channel.EMAIL, new Variant(GcamLocales.resolve(locale), subject, text, html));
        }

        /**
         * Adds the SMS text of a language.
         *
         * @param locale the language
         * @param text the message text
         * @return this builder
         */
        public Builder sms(Locale locale, String text) {
            return add(Channel.SMS, new Variant(GcamLocales.resolve(locale), null, text, null));
        }

        /**
         * Adds the in-app inbox text of a language.
         *
         * @param locale the language
         * @param text the message text
         * @return this builder
         */
        public Builder inApp(Locale locale, String text) {
            return add(Channel.IN_APP, new Variant(GcamLocales.resolve(locale), null, text, null));
        }

        private Builder add(Channel channel, Variant variant) {
            variants.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(variant.locale(), variant);
            return this;
        }

        /** @return the template; it needs at least one variant */
        public NotificationTemplate build() {
            if (variants.isEmpty()) {
                throw new IllegalArgumentException("template " + id + " needs at least one variant");
            }
            return new NotificationTemplate(this);
        }
    }
}
