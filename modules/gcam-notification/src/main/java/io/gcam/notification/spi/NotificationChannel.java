package io.gcam.notification.spi;

import io.gcam.notification.Channel;
import io.gcam.notification.Notification;

/**
 * Hands a notification to a delivery system (an SMTP server, an SMS gateway, the inbox table).
 * Called by the worker outside any transaction, possibly from several threads at once.
 *
 * <p>Delivery is at least once: after a crash the same notification may be handed over again, so
 * a channel should let the receiver recognise a repeat by {@link Notification#id()} (email: the
 * Message-ID; inbox: a unique key).
 */
public interface NotificationChannel {

    /** @return the channel this implementation serves */
    Channel channel();

    /**
     * Delivers one notification and returns when the delivery system accepted it.
     *
     * @param notification the notification
     * @throws DeliveryException when it was not accepted: {@link DeliveryException#isTransient()}
     *     tells whether trying again may help. Any other runtime exception counts as transient.
     */
    void deliver(Notification notification);
}
