package io.gcam.notification;

/** The ways a notification reaches its recipient. */
public enum Channel {
    /** Email over SMTP: subject, plain text and HTML, attachments. */
    EMAIL,
    /** A short text message to an E.164 phone number. */
    SMS,
    /** A message in the applicant's inbox inside the portal. */
    IN_APP
}
