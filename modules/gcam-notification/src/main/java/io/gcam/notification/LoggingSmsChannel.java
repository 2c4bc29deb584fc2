package io.gcam.notification;

import io.gcam.notification.spi.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A development SMS channel: logs that a message would be sent, with the number masked and
 * without the text, and accepts it. Replace it with the agency's SMS gateway in production.
 */
public final class LoggingSmsChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsChannel.class);

    private LoggingSmsChannel() {
    }

    /** @return the channel */
    public static LoggingSmsChannel create() {
        return new LoggingSmsChannel();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void deliver(Notification notification) {
        LOG.info("SMS {} (template {} v{}, {} characters) to {} accepted by the logging channel",
                notification.id(), notification.templateId(), notification.templateVersion(),
                notification.text().length(), Addresses.mask(notification.recipient()));
    }
}
