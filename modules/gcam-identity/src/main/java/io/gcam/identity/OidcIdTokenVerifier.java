package io.gcam.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.identity.IdTokenRejectedException.Reason;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies OpenID Connect ID tokens from a government eID or single sign-on provider (OpenID Connect
 * Core 1.0, section 3.1.3.7) and turns them into {@link VerifiedIdentity VerifiedIdentities}.
 *
 * <p>Guarantees, each failure an {@link IdTokenRejectedException} with its {@link Reason}:
 * <ul>
 *   <li>only JWS-signed tokens with an algorithm of the allowed list (default {@code RS256},
 *       {@code ES256}) are accepted: {@code alg=none} and HMAC algorithms are refused before any key
 *       is looked at, so a public key can never be used as an HMAC secret;</li>
 *   <li>the signature is checked with the provider's key of the token's {@code kid}, taken from the
 *       provider's JWKS over HTTP(S): the JWKS is cached for {@link Builder#jwksCacheTtl}, and an
 *       unknown {@code kid} refreshes it (at most once per {@link Builder#jwksRefreshMinInterval}), so
 *       key rotation needs no restart;</li>
 *   <li>{@code iss} equals the configured issuer; {@code aud} contains the client id (and
 *       {@code azp}, if present with several audiences, is the client id); {@code exp} is in the
 *       future and {@code iat} not in the future, both within the {@link Builder#clockSkew bounded
 *       clock skew}; {@code nonce} equals the login request's nonce (compared in constant time);</li>
 *   <li>{@code sub} is present and at most {@value #MAX_SUBJECT_LENGTH} characters (the limit of
 *       OpenID Connect Core 1.0, section 2), so it fits the subject columns of GCAM's tables;</li>
 *   <li>every attempt, accepted or rejected, is appended to the audit trail when one is configured;
 *       audit details and log lines hold no claim values.</li>
 * </ul>
 *
 * <p>A JWKS that cannot be fetched gives {@code IDENTITY_PROVIDER_UNAVAILABLE}.
 */
public final class OidcIdTokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(OidcIdTokenVerifier.class);
    private static final String OBJECT_TYPE = "identity_id_token";

    private final String issuer;
    private final String clientId;
    private final Set<JWSAlgorithm> allowedAlgorithms;
    private final Duration clockSkew;
    private final Duration identityValidity;
    private final OidcClaimMapping mapping;
    private final Clock clock;
    /** The longest {@code sub} accepted: OpenID Connect Core 1.0, section 2, allows 255 ASCII characters. */
    public static final int MAX_SUBJECT_LENGTH = 255;

    private final @Nullable AuditTrail audit;
    private final JWKSource<SecurityContext> keys;

    private OidcIdTokenVerifier(Builder builder) {
        this.issuer = Objects.requireNonNull(builder.issuer, "issuer");
        this.clientId = Objects.requireNonNull(builder.clientId, "clientId");
        URI jwksUri = Objects.requireNonNull(builder.jwksUri, "jwksUri");
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : builder.allowedAlgorithms) {
            algorithms.add(JWSAlgorithm.parse(name));
        }
        this.allowedAlgorithms = Set.copyOf(algorithms);
        this.clockSkew = builder.clockSkew;
        this.identityValidity = builder.identityValidity;
        this.mapping = builder.mapping;
        this.clock = builder.clock;
        this.audit = builder.audit;
        try {
            int timeout = (int) builder.httpTimeout.toMillis();
            this.keys = JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(),
                            new DefaultResourceRetriever(timeout, timeout, 512 * 1024))
                    .cache(builder.jwksCacheTtl.toMillis(), builder.httpTimeout.toMillis())
                    .refreshAheadCache(false)
                    .rateLimited(builder.jwksRefreshMinInterval.toMillis())
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("jwksUri is not a URL", e);
        }
    }

    /** @return a builder; {@code issuer}, {@code clientId} and {@code jwksUri} are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies {@code idToken} and returns the identity it vouches for.
     *
     * @param actor who presents the token (typically the system process of the login callback)
     * @param idToken the compact serialized ID token
     * @param expectedNonce the nonce sent in the authentication request
     * @return the verified identity: subject id = {@code sub}, method OIDC, level from {@code acr},
     *     attributes mapped by the {@link OidcClaimMapping}, valid for the configured identity validity
     * @throws IdTokenRejectedException {@code ID_TOKEN_REJECTED} when a check fails
     * @throws io.gcam.core.GcamException {@code IDENTITY_PROVIDER_UNAVAILABLE} when the JWKS cannot be fetched
     */
    public VerifiedIdentity verify(Actor actor, String idToken, String expectedNonce) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(expectedNonce, "expectedNonce");
        String tokenRef = tokenRef(idToken);
        Instant now = clock.instant();
        try {
            VerifiedIdentity identity = check(idToken, expectedNonce, now);
            audit(actor, "identity.oidc.verified", tokenRef, Map.of("outcome", "verified",
                    "level", identity.level().name(), "issuer", issuer));
            LOG.info("ID token {} verified at level {}", tokenRef, identity.level());
            return identity;
        } catch (IdTokenRejectedException e) {
            audit(actor, "identity.oidc.rejected", tokenRef, Map.of("outcome", "rejected",
                    "reason", e.reason().name(), "issuer", issuer));
            LOG.info("ID token {} rejected: {}", tokenRef, e.reason());
            throw e;
        } catch (ProviderUnavailable e) {
            audit(actor, "identity.oidc.rejected", tokenRef, Map.of("outcome", "provider_unavailable",
                    "issuer", issuer));
            LOG.warn("JWKS of {} unavailable: {}", issuer, e.getCause() == null ? "" : e.getCause().getMessage());
            throw new io.gcam.core.GcamException(IdentityErrorCode.IDENTITY_PROVIDER_UNAVAILABLE, e.getCause());
        }
    }

    private VerifiedIdentity check(String idToken, String expectedNonce, Instant now) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken.strip());
        } catch (ParseException e) {
            throw new IdTokenRejectedException(Reason.MALFORMED);
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new IdTokenRejectedException(Reason.ALGORITHM_NOT_ALLOWED); // plain (alg=none) or encrypted
        }
        JWSHeader header = signed.getHeader();
        if (!allowedAlgorithms.contains(header.getAlgorithm())) {
            throw new IdTokenRejectedException(Reason.ALGORITHM_NOT_ALLOWED);
        }
        List<JWK> candidates;
        try {
            candidates = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
        } catch (RateLimitReachedException e) {
            // The kid is not in the cached JWKS and refreshing again so soon is refused: treat as unknown.
            throw new IdTokenRejectedException(Reason.UNKNOWN_KEY);
        } catch (KeySourceException e) {
            throw new ProviderUnavailable(e);
        }
        if (candidates.isEmpty()) {
            throw new IdTokenRejectedException(Reason.UNKNOWN_KEY);
        }
        boolean verified = false;
        for (JWK key : candidates) {
            try {
                JWSVerifier verifier;
                if (key instanceof RSAKey rsa) {
                    verifier = new RSASSAVerifier(rsa);
                } else if (key instanceof ECKey ec) {
                    verifier = new ECDSAVerifier(ec);
                } else {
                    continue;
                }
                if (signed.verify(verifier)) {
                    verified = true;
                    break;
                }
            } catch (JOSEException e) {
                LOG.debug("key {} cannot verify the token: {}", key.getKeyID(), e.getMessage());
            }
        }
        if (!verified) {
            throw new IdTokenRejectedException(Reason.BAD_SIGNATURE);
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IdTokenRejectedException(Reason.MALFORMED);
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new IdTokenRejectedException(Reason.WRONG_ISSUER);
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            throw new IdTokenRejectedException(Reason.WRONG_AUDIENCE);
        }
        String azp = stringClaim(claims, "azp");
        if (azp != null && !azp.equals(clientId)) {
            throw new IdTokenRejectedException(Reason.WRONG_AUDIENCE);
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || !now.isBefore(exp.toInstant().plus(clockSkew))) {
            throw new IdTokenRejectedException(Reason.EXPIRED);
        }
        Date iat = claims.getIssueTime();
        if (iat == null || iat.toInstant().isAfter(now.plus(clockSkew))) {
            throw new IdTokenRejectedException(Reason.NOT_YET_VALID);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(clockSkew))) {
            throw new IdTokenRejectedException(Reason.NOT_YET_VALID);
        }
        String nonce = stringClaim(claims, "nonce");
        if (nonce == null || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
                expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            throw new IdTokenRejectedException(Reason.NONCE_MISMATCH);
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw new IdTokenRejectedException(Reason.MISSING_CLAIM);
        }
        String acr = stringClaim(claims, "acr");
        AssuranceLevel level = acr == null ? mapping.defaultLevel() : mapping.acrLevels().getOrDefault(acr, mapping.defaultLevel());
        return VerifiedIdentity.builder()
                .subjectId(subject)
                .method(VerificationMethod.OIDC)
                .level(level)
                .attributes(attributes(claims))
                .verifiedAt(now)
                .expiresAt(now.plus(identityValidity))
                .build();
    }

    private VerifiedAttributes attributes(JWTClaimsSet claims) {
        VerifiedAttributes.Builder attributes = VerifiedAttributes.builder()
                .familyName(stringClaim(claims, mapping.familyName()))
                .givenNames(stringClaim(claims, mapping.givenNames()))
                .nameInChinese(stringClaim(claims, mapping.nameInChinese()));
        String birthdate = stringClaim(claims, mapping.birthdate());
        if (birthdate != null) {
            try {
                attributes.dateOfBirth(LocalDate.parse(birthdate));
            } catch (DateTimeException e) {
                throw new IdTokenRejectedException(Reason.MISSING_CLAIM);
            }
        }
        if (mapping.email() != null && Boolean.TRUE.equals(booleanClaim(claims, "email_verified"))) {
            attributes.email(stringClaim(claims, mapping.email()));
        }
        if (mapping.phone() != null && Boolean.TRUE.equals(booleanClaim(claims, "phone_number_verified"))) {
            attributes.phone(stringClaim(claims, mapping.phone()));
        }
        String number = stringClaim(claims, mapping.documentNumber());
        if (number != null) {
            try {
                attributes.document(IdentityDocuments.validate(mapping.documentType(), number));
            } catch (InvalidIdentityDocumentException e) {
                throw new IdTokenRejectedException(Reason.MISSING_CLAIM);
            }
        }
        String residency = stringClaim(claims, mapping.residencyStatus());
        if (residency != null) {
            try {
                attributes.residencyStatus(ResidencyStatus.valueOf(residency));
            } catch (IllegalArgumentException e) {
                throw new IdTokenRejectedException(Reason.MISSING_CLAIM);
            }
        }
        return attributes.build();
    }

    private static @Nullable String stringClaim(JWTClaimsSet claims, @Nullable String name) {
        if (name == null) {
            return null;
        }
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new IdTokenRejectedException(Reason.MISSING_CLAIM);
        }
    }

    private static @Nullable Boolean booleanClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getBooleanClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private void audit(Actor actor, String action, String tokenRef, Map<String, String> details) {
        AuditTrail trail = audit;
        if (trail != null) {
            trail.append(actor, action, OBJECT_TYPE, tokenRef, new LinkedHashMap<>(details));
        }
    }

    private static String tokenRef(String idToken) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idToken.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The JWKS could not be fetched (never leaves this class). */
    private static final class ProviderUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProviderUnavailable(Throwable cause) {
            super(cause);
        }
    }

    /**
     * Builds an {@link OidcIdTokenVerifier}. Defaults: algorithms RS256 and ES256, clock skew 60
     * seconds, JWKS cached 15 minutes and refreshed on an unknown key at most every 30 seconds,
     * HTTP timeout 5 seconds, identities valid 1 hour, standard claims, system UTC clock, no audit.
     */
    public static final class Builder {
        private @Nullable String issuer;
        private @Nullable String clientId;
        private @Nullable URI jwksUri;
        private Set<String> allowedAlgorithms = Set.of("RS256", "ES256");
        private Duration clockSkew = Duration.ofSeconds(60);
        private Duration jwksCacheTtl = Duration.ofMinutes(15);
        private Duration jwksRefreshMinInterval = Duration.ofSeconds(30);
        private Duration httpTimeout = Duration.ofSeconds(5);
        private Duration identityValidity = Duration.ofHours(1);
        private OidcClaimMapping mapping = OidcClaimMapping.builder().build();
        private Clock clock = Clock.systemUTC();
        private @Nullable AuditTrail audit;

        private Builder() {
        }

        /** @param value the provider's issuer identifier, exactly as in {@code iss}; @return this builder */
        public Builder issuer(String value) {
            this.issuer = Objects.requireNonNull(value, "issuer");
            return this;
        }

        /** @param value this application's client id, expected in {@code aud}; @return this builder */
        public Builder clientId(String value) {
            this.clientId = Objects.requireNonNull(value, "clientId");
            return this;
        }

        /** @param value the provider's JWKS URL ({@code jwks_uri} of its discovery document); @return this builder */
        public Builder jwksUri(URI value) {
            this.jwksUri = Objects.requireNonNull(value, "jwksUri");
            return this;
        }

        /**
         * @param value allowed JWS algorithms; only RSA ({@code RS*}, {@code PS*}) and EC ({@code ES*})
         *     algorithms are accepted here
         * @return this builder
         * @throws IllegalArgumentException for an HMAC, {@code none} or unknown algorithm
         */
        public Builder allowedAlgorithms(Set<String> value) {
            for (String name : value) {
                JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
                if (!JWSAlgorithm.Family.RSA.contains(algorithm) && !JWSAlgorithm.Family.EC.contains(algorithm)) {
                    throw new IllegalArgumentException("not an asymmetric JWS algorithm: " + name);
                }
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("allowedAlgorithms is empty");
            }
            this.allowedAlgorithms = Set.copyOf(value);
            return this;
        }

        /**
         * @param value tolerance for {@code exp}, {@code iat} and {@code nbf}, 0 to 5 minutes
         * @return this builder
         */
        public Builder clockSkew(Duration value) {
            if (value.isNegative() || value.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("clockSkew must be 0..5 minutes");
            }
            this.clockSkew = value;
            return this;
        }

        /** @param value how long a fetched JWKS is used before it is fetched again; @return this builder */
        public Builder jwksCacheTtl(Duration value) {
            if (value.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("jwksCacheTtl must be at least 1 second");
            }
            this.jwksCacheTtl = value;
            return this;
        }

        /**
         * @param value minimum time between two fetches triggered by unknown keys (protects the
         *     provider from tokens with made-up {@code kid}s), at least 1 millisecond
         * @return this builder
         */
        public Builder jwksRefreshMinInterval(Duration value) {
            if (value.toMillis() < 1) {
                throw new IllegalArgumentException("jwksRefreshMinInterval must be at least 1 ms");
            }
            this.jwksRefreshMinInterval = value;
            return this;
        }

        /** @param value connect and read timeout of the JWKS fetch; @return this builder */
        public Builder httpTimeout(Duration value) {
            if (value.toMillis() < 1) {
                throw new IllegalArgumentException("httpTimeout must be positive");
            }
            this.httpTimeout = value;
            return this;
        }

        /** @param value how long the resulting verified identity counts; @return this builder */
        public Builder identityValidity(Duration value) {
            if (value.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("identityValidity must be at least 1 minute");
            }
            this.identityValidity = value;
            return this;
        }

        /** @param value how claims become attributes and levels; @return this builder */
        public Builder claimMapping(OidcClaimMapping value) {
            this.mapping = Objects.requireNonNull(value, "mapping");
            return this;
        }

        /** @param value the clock for {@code exp}/{@code iat} checks; @return this builder */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @param value the audit trail every attempt is appended to; @return this builder */
        public Builder audit(AuditTrail value) {
            this.audit = Objects.requireNonNull(value, "audit");
            return this;
        }

        /**
         * @return the verifier
         * @throws NullPointerException when issuer, client id or JWKS URI is missing
         * @throws IllegalArgumentException when the JWKS URI is not a URL, or the refresh interval is
         *     not shorter than the cache TTL
         */
        public OidcIdTokenVerifier build() {
            if (jwksRefreshMinInterval.compareTo(jwksCacheTtl) >= 0) {
                throw new IllegalArgumentException("jwksRefreshMinInterval must be shorter than jwksCacheTtl");
            }
            return new OidcIdTokenVerifier(this);
        }
    }
}
