package io.gcam.core;

/**
 * The broad category of an error. Transport layers (for example gcam-rest) map a kind to a
 * status code without knowing every module's codes.
 */
public enum ErrorKind {
    /** The request is malformed or breaks a rule about its own content. */
    INVALID_INPUT,
    /** The actor may not do this. */
    ACCESS_DENIED,
    /** The object does not exist, or the actor may not know that it exists. */
    NOT_FOUND,
    /** The request clashes with the current state (a concurrent change, a duplicate, a full session). */
    CONFLICT,
    /** The request is valid but a business rule refuses it now (a closed window, a missing approval). */
    RULE_VIOLATION,
    /** Something outside the caller's control failed; trying again later may succeed. */
    UNAVAILABLE,
    /** A defect or misconfiguration; the caller cannot fix it. */
    INTERNAL
}
