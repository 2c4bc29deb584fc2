package io.gcam.catalog;

/** Where a citizen can carry out a step of a service. */
public enum Channel {
    /** The online portal. */
    ONLINE,
    /** A self-service kiosk. */
    KIOSK,
    /** A service counter in person. */
    COUNTER,
    /** A mobile app. */
    MOBILE,
    /** By telephone. */
    PHONE
}
