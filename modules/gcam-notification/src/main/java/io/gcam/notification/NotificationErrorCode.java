package io.gcam.notification;

import io.gcam.core.ErrorCode;
import io.gcam.core.ErrorKind;

/**
 * The stable error codes of gcam-notification, with messages in English, Traditional Chinese and
 * Portuguese in the bundle {@value #BUNDLE}.
 */
public enum NotificationErrorCode implements ErrorCode {
    /** No template has the requested id (argument: template id). */
    TEMPLATE_NOT_FOUND(ErrorKind.NOT_FOUND),
    /** The template has no variant for the channel (arguments: template id, channel). */
    TEMPLATE_CHANNEL_MISSING(ErrorKind.INVALID_INPUT),
    /** A placeholder has no value (arguments: template id, missing placeholder names). */
    PLACEHOLDER_VALUE_MISSING(ErrorKind.INVALID_INPUT),
    /** A header value (subject, recipient) would contain a line break (argument: header name). */
    HEADER_LINE_BREAK(ErrorKind.INVALID_INPUT),
    /** The email address is not valid. */
    INVALID_EMAIL_ADDRESS(ErrorKind.INVALID_INPUT),
    /** The phone number is not in E.164 form. */
    INVALID_PHONE_NUMBER(ErrorKind.INVALID_INPUT),
    /** No address for the channel is known for the recipient (argument: channel). */
    RECIPIENT_ADDRESS_MISSING(ErrorKind.INVALID_INPUT),
    /** The notification does not exist or the actor may not see it (argument: id). */
    NOTIFICATION_NOT_FOUND(ErrorKind.NOT_FOUND),
    /** The notification is not in a state that can be retried (arguments: id, status). */
    NOTIFICATION_NOT_RETRYABLE(ErrorKind.CONFLICT),
    /** The channel failed but the send may succeed later (argument: detail). */
    DELIVERY_FAILED_TRANSIENT(ErrorKind.UNAVAILABLE),
    /** The channel refused the message for good (argument: detail). */
    DELIVERY_FAILED_PERMANENT(ErrorKind.RULE_VIOLATION),
    /** No channel is configured for the notification's channel (argument: channel). */
    CHANNEL_NOT_CONFIGURED(ErrorKind.INTERNAL);

    /** The resource bundle of these codes. */
    public static final String BUNDLE = "io.gcam.notification.messages";

    private final ErrorKind kind;

    NotificationErrorCode(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }
}
