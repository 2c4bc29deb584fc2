package io.gcam.identity;

/** Where a one-time code is sent. */
public enum CodeChannel {
    /** An email address. */
    EMAIL,
    /** A mobile phone number, by SMS. */
    SMS
}
