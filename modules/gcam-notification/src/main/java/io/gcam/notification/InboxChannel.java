package io.gcam.notification;

import io.gcam.notification.spi.InboxStore;
import io.gcam.notification.spi.NotificationChannel;
import java.util.Objects;

/**
 * The in-app channel: puts the notification's text into the recipient's inbox. A redelivered
 * notification shows once (the inbox keys messages by notification id).
 */
public final class InboxChannel implements NotificationChannel {

    private final InboxStore inbox;

    private InboxChannel(InboxStore inbox) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
    }

    /**
     * @param inbox the inbox store
     * @return the channel
     */
    public static InboxChannel over(InboxStore inbox) {
        return new InboxChannel(inbox);
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public void deliver(Notification notification) {
        inbox.add(new InboxMessage(notification.id(), notification.recipient(), notification.templateId(),
                notification.text(), notification.createdAt(), null));
    }
}
