package io.gcam.notification;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message in an applicant's in-app inbox.
 *
 * @param id the message id (the notification id)
 * @param subjectId the owner
 * @param templateId the template it was rendered from
 * @param text the text
 * @param createdAt when it arrived
 * @param readAt when the owner read it, or null
 */
public record InboxMessage(String id, String subjectId, String templateId, String text, Instant createdAt,
        @Nullable Instant readAt) {

    /** Checks the components are present. */
    public InboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "InboxMessage[" + id + " " + templateId + (readAt == null ? " unread" : " read") + "]";
    }
}
