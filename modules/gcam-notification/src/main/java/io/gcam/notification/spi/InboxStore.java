package io.gcam.notification.spi;

import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.notification.InboxMessage;
import java.time.Instant;

/** The in-app inbox: messages per subject id, newest first. */
public interface InboxStore {

    /**
     * Adds a message. Adding a second message for the same notification id does nothing, so a
     * redelivered notification shows once.
     *
     * @param message the message
     * @return true when added, false when a message for that notification existed
     */
    boolean add(InboxMessage message);

    /**
     * @param subjectId the owner
     * @param page the page
     * @return the owner's messages, newest first
     */
    Page<InboxMessage> list(String subjectId, PageRequest page);

    /**
     * Marks a message read; does nothing when already read.
     *
     * @param subjectId the owner (a message of another owner is never touched)
     * @param messageId the message id
     * @param at when it was read
     * @return true when the owner has such a message
     */
    boolean markRead(String subjectId, String messageId, Instant at);
}
