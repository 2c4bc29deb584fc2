package io.gcam.rest.notification;

import io.gcam.notification.Addresses;
import io.gcam.notification.InboxMessage;
import io.gcam.notification.Notification;
import io.gcam.notification.RenderedMessage;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the notification API. */
public final class NotificationDtos {

    private NotificationDtos() {
    }

    /**
     * A notification as staff see it: the recipient masked, no content.
     *
     * @param id the notification id
     * @param reference the caller's reference, or {@code null}
     * @param templateId the template id
     * @param templateVersion the template version the notification was rendered from
     * @param channel {@code EMAIL}, {@code SMS} or {@code IN_APP}
     * @param language the language tag used
     * @param recipient the recipient, masked
     * @param status the status' wire name, e.g. {@code delivered}
     * @param attempts delivery attempts so far
     * @param createdAt when it was requested
     * @param updatedAt its last status change
     */
    public record NotificationDto(String id, @Nullable String reference, String templateId, int templateVersion,
            String channel, String language, String recipient, String status, int attempts, Instant createdAt,
            Instant updatedAt) {

        static NotificationDto of(Notification n) {
            return new NotificationDto(n.id(), n.reference(), n.templateId(), n.templateVersion(), n.channel().name(),
                    n.locale().toLanguageTag(), Addresses.mask(n.recipient()), n.status().wireName(), n.attempts(),
                    n.createdAt(), n.updatedAt());
        }
    }

    /**
     * A message of the applicant's in-app inbox.
     *
     * @param id the message id
     * @param templateId the template it was rendered from
     * @param text the text
     * @param createdAt when it arrived
     * @param readAt when it was read, or {@code null}
     */
    public record InboxMessageDto(String id, String templateId, String text, Instant createdAt,
            @Nullable Instant readAt) {

        static InboxMessageDto of(InboxMessage m) {
            return new InboxMessageDto(m.id(), m.templateId(), m.text(), m.createdAt(), m.readAt());
        }
    }

    /**
     * What to preview.
     *
     * @param channel {@code EMAIL}, {@code SMS} or {@code IN_APP}
     * @param language a language tag: {@code en}, {@code zh-Hant} or {@code pt}
     * @param values placeholder values, or {@code null} for none
     */
    public record PreviewRequest(@Nullable String channel, @Nullable String language,
            @Nullable Map<String, String> values) {
    }

    /**
     * A rendered template variant.
     *
     * @param templateId the template id
     * @param templateVersion the version rendered
     * @param channel the channel
     * @param language the language actually used, after fallback
     * @param subject the email subject, or {@code null}
     * @param text the plain text
     * @param html the HTML body, or {@code null}
     */
    public record PreviewDto(String templateId, int templateVersion, String channel, String language,
            @Nullable String subject, String text, @Nullable String html) {

        static PreviewDto of(RenderedMessage m) {
            return new PreviewDto(m.templateId(), m.templateVersion(), m.channel().name(), m.locale().toLanguageTag(),
                    m.subject(), m.text(), m.html());
        }
    }
}
