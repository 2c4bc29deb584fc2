package io.gcam.identity.spi;

import io.gcam.identity.CodeChannel;
import java.time.Instant;
import java.util.Locale;

/**
 * Delivers a one-time code to a person by email or SMS (for example through gcam-notification, or
 * an SMS gateway). Implementations must not log the code or the destination unmasked.
 */
@FunctionalInterface
public interface CodeSender {

    /**
     * Sends {@code code} to {@code destination}.
     *
     * @param channel email or SMS
     * @param destination the email address or E.164 phone number
     * @param code the code to deliver
     * @param expiresAt when the code stops being accepted (to show in the message)
     * @param locale the person's language
     */
    void send(CodeChannel channel, String destination, String code, Instant expiresAt, Locale locale);
}
