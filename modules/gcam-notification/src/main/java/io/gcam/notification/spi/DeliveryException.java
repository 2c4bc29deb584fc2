package io.gcam.notification.spi;

import io.gcam.core.GcamException;
import io.gcam.notification.NotificationErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * A channel could not deliver a notification: {@code DELIVERY_FAILED_TRANSIENT} (try again later)
 * or {@code DELIVERY_FAILED_PERMANENT} (never try again).
 */
public class DeliveryException extends GcamException {

    private static final long serialVersionUID = 1L;

    private final String detail;

    private DeliveryException(NotificationErrorCode code, String detail, @Nullable Throwable cause) {
        super(code, cause, detail);
        this.detail = detail;
    }

    /**
     * @param detail what went wrong, without personal data (e.g. {@code SMTP 451})
     * @param cause the cause, or null
     * @return a failure that may pass
     */
    public static DeliveryException transientFailure(String detail, @Nullable Throwable cause) {
        return new DeliveryException(NotificationErrorCode.DELIVERY_FAILED_TRANSIENT, detail, cause);
    }

    /**
     * @param detail what went wrong, without personal data (e.g. {@code SMTP 550})
     * @param cause the cause, or null
     * @return a failure that will not pass
     */
    public static DeliveryException permanentFailure(String detail, @Nullable Throwable cause) {
        return new DeliveryException(NotificationErrorCode.DELIVERY_FAILED_PERMANENT, detail, cause);
    }

    /** @return true when trying again may succeed */
    public boolean isTransient() {
        return errorCode() == NotificationErrorCode.DELIVERY_FAILED_TRANSIENT;
    }

    /** @return what went wrong, without personal data */
    public String detail() {
        return detail;
    }
}
