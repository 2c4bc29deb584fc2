package io.gcam.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to send a template to one person. Name the person by subject id (looked up in the
 * {@link io.gcam.notification.spi.RecipientDirectory}) or give an explicit address, or both (the
 * explicit address wins).
 *
 * <pre>{@code
 * NotificationRequest request = NotificationRequest.builder("registration-received")
 *         .toSubject("applicant-42")
 *         .value("name", "Chan Tai Man")
 *         .reference("REG-2026-000123")
 *         .agency("SAFP")
 *         .build();
 * }</pre>
 */
public final class NotificationRequest {

    private final String templateId;
    private final @Nullable String subjectId;
    private final @Nullable String email;
    private final @Nullable String phone;
    private final @Nullable Channel channel;
    private final @Nullable Locale locale;
    private final Map<String, String> values;
    private final @Nullable String reference;
    private final @Nullable String agency;
    private final List<String> attachments;

    private NotificationRequest(Builder b) {
        this.templateId = b.templateId;
        this.subjectId = b.subjectId;
        this.email = b.email;
        this.phone = b.phone;
        this.channel = b.channel;
        this.locale = b.locale;
        this.values = Map.copyOf(b.values);
        this.reference = b.reference;
        this.agency = b.agency;
        this.attachments = List.copyOf(b.attachments);
    }

    /**
     * @param templateId the template to send (its latest version)
     * @return a builder
     */
    public static Builder builder(String templateId) {
        return new Builder(templateId);
    }

    /** @return the template id */
    public String templateId() {
        return templateId;
    }

    /** @return the recipient's subject id, or null */
    public @Nullable String subjectId() {
        return subjectId;
    }

    /** @return the explicit email address, or null */
    public @Nullable String email() {
        return email;
    }

    /** @return the explicit phone number, or null */
    public @Nullable String phone() {
        return phone;
    }

    /** @return the channel, or null for the recipient's preferred channel */
    public @Nullable Channel channel() {
        return channel;
    }

    /** @return the language, or null for the recipient's preferred language */
    public @Nullable Locale locale() {
        return locale;
    }

    /** @return the placeholder values */
    public Map<String, String> values() {
        return values;
    }

    /** @return the caller's reference, or null */
    public @Nullable String reference() {
        return reference;
    }

    /** @return the sending agency, or null for a system notification */
    public @Nullable String agency() {
        return agency;
    }

    /** @return document references to attach to an email */
    public List<String> attachments() {
        return attachments;
    }

    /** Builds a {@link NotificationRequest}. */
    public static final class Builder {
        private final String templateId;
        private @Nullable String subjectId;
        private @Nullable String email;
        private @Nullable String phone;
        private @Nullable Channel channel;
        private @Nullable Locale locale;
        private final Map<String, String> values = new LinkedHashMap<>();
        private @Nullable String reference;
        private @Nullable String agency;
        private final List<String> attachments = new ArrayList<>();

        private Builder(String templateId) {
            this.templateId = Objects.requireNonNull(templateId, "templateId");
        }

        /**
         * @param subjectId the recipient's subject id, looked up in the recipient directory
         * @return this builder
         */
        public Builder toSubject(String subjectId) {
            this.subjectId = Objects.requireNonNull(subjectId, "subjectId");
            return this;
        }

        /**
         * @param email an explicit email address
         * @return this builder
         */
        public Builder toEmail(String email) {
            this.email = Objects.requireNonNull(email, "email");
            return this;
        }

        /**
         * @param phone an explicit phone number (E.164)
         * @return this builder
         */
        public Builder toPhone(String phone) {
            this.phone = Objects.requireNonNull(phone, "phone");
            return this;
        }

        /**
         * @param channel the channel; default: the recipient's preferred channel, else email
         * @return this builder
         */
        public Builder channel(Channel channel) {
            this.channel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /**
         * @param locale the language; default: the recipient's preferred language, else English
         * @return this builder
         */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /**
         * @param name placeholder name
         * @param value its value
         * @return this builder
         */
        public Builder value(String name, String value) {
            values.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param entries placeholder values
         * @return this builder
         */
        public Builder values(Map<String, String> entries) {
            entries.forEach(this::value);
            return this;
        }

        /**
         * @param reference the caller's reference, to find the notification again
         * @return this builder
         */
        public Builder reference(String reference) {
            this.reference = Objects.requireNonNull(reference, "reference");
            return this;
        }

        /**
         * @param agency the sending agency; its staff may see and retry the notification
         * @return this builder
         */
        public Builder agency(String agency) {
            this.agency = Objects.requireNonNull(agency, "agency");
            return this;
        }

        /**
         * @param documentReference a document to attach, resolved at delivery by the
         *     {@link io.gcam.notification.spi.AttachmentResolver}
         * @return this builder
         */
        public Builder attach(String documentReference) {
            attachments.add(Objects.requireNonNull(documentReference, "documentReference"));
            return this;
        }

        /** @return the request */
        public NotificationRequest build() {
            return new NotificationRequest(this);
        }
    }
}
