package io.gcam.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One notification: the rendered message, to whom, and where it is in its life. The content is
 * rendered when the send request is stored, so what is delivered is exactly what was accepted,
 * whatever happens to the template later.
 *
 * @param id the notification id; the email Message-ID is derived from it
 * @param reference the caller's reference (e.g. an application number), or null
 * @param agency the agency that sent it, or null for system notifications
 * @param subjectId the recipient's subject id, or null for an explicit address
 * @param templateId the template
 * @param templateVersion the template version that was rendered
 * @param channel the channel
 * @param locale the language of the content
 * @param recipient the email address, phone number or (in-app) subject id
 * @param subject the email subject, or null
 * @param text the plain text
 * @param html the HTML body, or null
 * @param attachments document references to attach (email only)
 * @param status the status
 * @param attempts delivery attempts started so far
 * @param nextAttemptAt when a worker may next take it
 * @param lastError the error code and detail of the last failed attempt, or null
 * @param createdAt when the send request was stored
 * @param updatedAt when the status last changed
 */
public record Notification(String id, @Nullable String reference, @Nullable String agency,
        @Nullable String subjectId, String templateId, int templateVersion, Channel channel, Locale locale,
        String recipient, @Nullable String subject, String text, @Nullable String html, List<String> attachments,
        NotificationStatus status, int attempts, Instant nextAttemptAt, @Nullable String lastError,
        Instant createdAt, Instant updatedAt) {

    /** Checks the required components and copies the attachment list. */
    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * A copy with another status and attempt bookkeeping.
     *
     * @param newStatus the status
     * @param newAttempts the attempts
     * @param newNextAttemptAt the next attempt time
     * @param error the last error, or null
     * @param at the time of the change
     * @return the copy
     */
    public Notification withStatus(NotificationStatus newStatus, int newAttempts, Instant newNextAttemptAt,
            @Nullable String error, Instant at) {
        return new Notification(id, reference, agency, subjectId, templateId, templateVersion, channel, locale,
                recipient, subject, text, html, attachments, newStatus, newAttempts, newNextAttemptAt, error,
                createdAt, at);
    }

    @Override
    public String toString() {
        // Never PII: no recipient, no content.
        return "Notification[" + id + " " + templateId + " v" + templateVersion + " " + channel + " " + status
                + " attempts=" + attempts + "]";
    }
}
