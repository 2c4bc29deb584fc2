package io.gcam.notification;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity {
    /** Plain SMTP; only for a relay on the same host or a test server. */
    NONE,
    /** SMTP upgraded with STARTTLS, required (the connection fails if the server does not offer it). */
    STARTTLS,
    /** SMTP inside TLS from the first byte (SMTPS, usually port 465). */
    SMTPS
}
