package io.gcam.identity;

import io.gcam.core.GcamException;

/**
 * {@code ID_TOKEN_REJECTED}: an OpenID Connect ID token failed a check. The person-facing message is
 * the same whatever the reason; {@link #reason()} tells the application (and the audit trail) which
 * check failed.
 */
public final class IdTokenRejectedException extends GcamException {

    private static final long serialVersionUID = 1L;

    /** Which check an ID token failed. */
    public enum Reason {
        /** Not a compact JWS, or its claims are not a JSON object. */
        MALFORMED,
        /** Unsigned ({@code alg=none}) or signed with an algorithm outside the allowed list (e.g. HMAC). */
        ALGORITHM_NOT_ALLOWED,
        /** No key of the provider's JWKS matches the token's {@code kid} and algorithm, even after a refresh. */
        UNKNOWN_KEY,
        /** The signature does not verify with the provider's key. */
        BAD_SIGNATURE,
        /** The {@code iss} claim is not the configured issuer. */
        WRONG_ISSUER,
        /** The configured client id is not in the {@code aud} claim (or {@code azp} names another client). */
        WRONG_AUDIENCE,
        /** The token expired (beyond the allowed clock skew), or has no {@code exp}. */
        EXPIRED,
        /** The token was issued in the future (beyond the allowed clock skew), or has no {@code iat}. */
        NOT_YET_VALID,
        /** The {@code nonce} claim does not match the nonce of the login request. */
        NONCE_MISMATCH,
        /**
         * A required claim ({@code sub}) is missing or too long (over 255 characters), or a mapped claim has
         * the wrong type.
         */
        MISSING_CLAIM
    }

    private final Reason reason;

    /** @param reason the failed check */
    public IdTokenRejectedException(Reason reason) {
        super(IdentityErrorCode.ID_TOKEN_REJECTED);
        this.reason = reason;
    }

    /** @return the failed check */
    public Reason reason() {
        return reason;
    }
}
