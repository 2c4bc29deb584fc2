package io.gcam.identity;

/** How an identity was verified. */
public enum VerificationMethod {
    /** An OpenID Connect ID token from a government eID or single sign-on provider. */
    OIDC,
    /** A one-time code sent to an email address. */
    EMAIL_CODE,
    /** A one-time code sent by SMS to a phone number. */
    SMS_CODE,
    /** A time-based or counter-based one-time password (RFC 6238 / RFC 4226). */
    TOTP,
    /** An identity document checked by the agency (at a counter, a kiosk or by a document reader). */
    DOCUMENT_CHECK,
    /** Any other method an agency's own {@code IdentityVerifier} implements. */
    OTHER
}
