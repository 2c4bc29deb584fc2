package io.gcam.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.gcam.core.Actor;
import io.gcam.core.GcamException;
import io.gcam.identity.IdTokenRejectedException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OidcIdTokenVerifierTest {

    static final String ISSUER = "https://eid.example.gov.mo";
    static final String CLIENT = "recruitment-portal";
    static final String NONCE = "n-0S6_WzA2Mj";
    static final Actor CALLBACK = Actor.system("oidc-callback");

    LocalJwksServer jwks;
    MutableClock clock;
    RSAKey rsa;
    ECKey ec;
    OidcIdTokenVerifier verifier;

    @BeforeEach
    void setUp() throws Exception {
        jwks = new LocalJwksServer();
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).generate();
        jwks.publish(rsa, ec);
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        verifier = OidcIdTokenVerifier.builder()
                .issuer(ISSUER).clientId(CLIENT).jwksUri(jwks.uri())
                .clock(clock).clockSkew(Duration.ofSeconds(60))
                .jwksRefreshMinInterval(Duration.ofMillis(1))
                .claimMapping(OidcClaimMapping.builder()
                        .nameInChinese("name_zh")
                        .document("mo_bir", IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD)
                        .residencyStatus("residency")
                        .acr("urn:mo:eid:loa:substantial", AssuranceLevel.SUBSTANTIAL)
                        .acr("urn:mo:eid:loa:high", AssuranceLevel.HIGH)
                        .build())
                .build();
    }

    @AfterEach
    void tearDown() {
        jwks.close();
    }

    JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(CLIENT).subject("mo-eid-81723")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", NONCE).claim("acr", "urn:mo:eid:loa:high")
                .claim("family_name", "CHAN").claim("given_name", "TAI MAN").claim("name_zh", "陳大文")
                .claim("birthdate", "1985-07-14").claim("email", "tai.man@example.org").claim("email_verified", true)
                .claim("mo_bir", "1/234567/8").claim("residency", "PERMANENT_RESIDENT");
    }

    static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims) throws Exception {
        JWSSigner signer = key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    void assertRejected(String token, Reason reason) {
        assertRejected(token, NONCE, reason);
    }

    void assertRejected(String token, String nonce, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(CALLBACK, token, nonce))
                .isInstanceOfSatisfying(IdTokenRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.code()).isEqualTo("ID_TOKEN_REJECTED");
                });
    }

    @Test
    void acceptsRs256TokenAndMapsClaimsToAttributesAndLevel() throws Exception {
        VerifiedIdentity identity = verifier.verify(CALLBACK, sign(rsa, JWSAlgorithm.RS256, claims().build()), NONCE);
        assertThat(identity.subjectId()).isEqualTo("mo-eid-81723");
        assertThat(identity.method()).isEqualTo(VerificationMethod.OIDC);
        assertThat(identity.level()).isEqualTo(AssuranceLevel.HIGH);
        VerifiedAttributes a = identity.attributes();
        assertThat(a.familyName()).isEqualTo("CHAN");
        assertThat(a.givenNames()).isEqualTo("TAI MAN");
        assertThat(a.nameInChinese()).isEqualTo("陳大文");
        assertThat(a.dateOfBirth()).isEqualTo(LocalDate.of(1985, 7, 14));
        assertThat(a.email()).isEqualTo("tai.man@example.org");
        assertThat(a.document()).isEqualTo(new IdentityDocument(IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD, "12345678"));
        assertThat(a.residencyStatus()).isEqualTo(ResidencyStatus.PERMANENT_RESIDENT);
        assertThat(identity.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void acceptsEs256TokenAndUsesTheDefaultLevelForAnUnknownAcr() throws Exception {
        VerifiedIdentity identity = verifier.verify(CALLBACK,
                sign(ec, JWSAlgorithm.ES256, claims().claim("acr", "urn:other").build()), NONCE);
        assertThat(identity.level()).isEqualTo(AssuranceLevel.LOW);
    }

    @Test
    void ignoresAnUnverifiedEmail() throws Exception {
        VerifiedIdentity identity = verifier.verify(CALLBACK,
                sign(rsa, JWSAlgorithm.RS256, claims().claim("email_verified", false).build()), NONCE);
        assertThat(identity.attributes().email()).isNull();
    }

    @Test
    void rejectsUnsignedToken() {
        assertRejected(new PlainJWT(claims().build()).serialize(), Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rejectsHmacTokenSignedWithThePublicKey() throws Exception {
        // The classic confusion attack: the provider's public key used as an HMAC secret.
        byte[] publicKeyBytes = rsa.toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims().build());
        jwt.sign(new MACSigner(publicKeyBytes));
        assertRejected(jwt.serialize(), Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rejectsAlgorithmOutsideTheAllowedList() throws Exception {
        assertRejected(sign(rsa, JWSAlgorithm.RS512, claims().build()), Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void refusesToConfigureHmacAlgorithms() {
        assertThatThrownBy(() -> OidcIdTokenVerifier.builder().allowedAlgorithms(java.util.Set.of("RS256", "HS256")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTamperedSignature() throws Exception {
        String token = sign(rsa, JWSAlgorithm.RS256, claims().build());
        String other = sign(rsa, JWSAlgorithm.RS256, claims().subject("someone-else").build());
        String forged = other.substring(0, other.lastIndexOf('.')) + token.substring(token.lastIndexOf('.'));
        assertRejected(forged, Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsTokenSignedByAnUnknownKey() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        assertRejected(sign(stranger, JWSAlgorithm.RS256, claims().build()), Reason.UNKNOWN_KEY);
        // Same kid as a published key but a different key pair: the signature fails.
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        assertRejected(sign(impostor, JWSAlgorithm.RS256, claims().build()), Reason.BAD_SIGNATURE);
    }

    @Test
    void followsKeyRotationByRefreshingTheJwksOnAnUnknownKid() throws Exception {
        verifier.verify(CALLBACK, sign(rsa, JWSAlgorithm.RS256, claims().build()), NONCE);
        verifier.verify(CALLBACK, sign(rsa, JWSAlgorithm.RS256, claims().build()), NONCE);
        assertThat(jwks.fetches()).as("second token served from the cached JWKS").isEqualTo(1);

        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rsa-2").keyUse(KeyUse.SIGNATURE).generate();
        jwks.publish(rotated, ec);
        VerifiedIdentity identity = verifier.verify(CALLBACK, sign(rotated, JWSAlgorithm.RS256, claims().build()), NONCE);
        assertThat(identity.subjectId()).isEqualTo("mo-eid-81723");
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void madeUpKeyIdsCannotMakeTheVerifierFetchTheJwksWithoutLimit() throws Exception {
        OidcIdTokenVerifier limited = OidcIdTokenVerifier.builder().issuer(ISSUER).clientId(CLIENT)
                .jwksUri(jwks.uri()).clock(clock).jwksCacheTtl(Duration.ofHours(2)).jwksRefreshMinInterval(Duration.ofHours(1))
                .build();
        limited.verify(CALLBACK, sign(rsa, JWSAlgorithm.RS256, claims().build()), NONCE);
        for (int i = 0; i < 10; i++) {
            RSAKey madeUp = new RSAKeyGenerator(2048).keyID("made-up-" + i).generate();
            String token = sign(madeUp, JWSAlgorithm.RS256, claims().build());
            assertThatThrownBy(() -> limited.verify(CALLBACK, token, NONCE))
                    .isInstanceOfSatisfying(IdTokenRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
        }
        assertThat(jwks.fetches()).as("fetches within one rate-limit interval").isLessThanOrEqualTo(3);
        // Tokens with a known key keep working from the cache.
        assertThat(limited.verify(CALLBACK, sign(ec, JWSAlgorithm.ES256, claims().build()), NONCE).subjectId())
                .isEqualTo("mo-eid-81723");
    }

    @Test
    void rejectsWrongIssuerAudienceAndAuthorizedParty() throws Exception {
        assertRejected(sign(rsa, JWSAlgorithm.RS256, claims().issuer("https://evil.example").build()), Reason.WRONG_ISSUER);
        assertRejected(sign(rsa, JWSAlgorithm.RS256, claims().audience("another-app").build()), Reason.WRONG_AUDIENCE);
        assertRejected(sign(rsa, JWSAlgorithm.RS256,
                claims().audience(List.of(CLIENT, "another-app")).claim("azp", "another-app").build()),
                Reason.WRONG_AUDIENCE);
    }

    @Test
    void acceptsExpiryWithinTheClockSkewAndRejectsBeyondIt() throws Exception {
        String token = sign(rsa, JWSAlgorithm.RS256, claims().build());
        clock.advance(Duration.ofSeconds(300 + 59));
        assertThat(verifier.verify(CALLBACK, token, NONCE).subjectId()).isEqualTo("mo-eid-81723");
        clock.advance(Duration.ofSeconds(1));
        assertRejected(token, Reason.EXPIRED);
    }

    @Test
    void rejectsTokenIssuedInTheFutureBeyondTheSkewOrWithoutExpiry() throws Exception {
        Instant now = clock.instant();
        assertRejected(sign(rsa, JWSAlgorithm.RS256, claims().issueTime(Date.from(now.plusSeconds(61)))
                .expirationTime(Date.from(now.plusSeconds(600))).build()), Reason.NOT_YET_VALID);
        assertRejected(sign(rsa, JWSAlgorithm.RS256, claims().expirationTime(null).build()), Reason.EXPIRED);
    }

    @Test
    void rejectsWrongOrMissingNonce() throws Exception {
        assertRejected(sign(rsa, JWSAlgorithm.RS256, claims().build()), "another-nonce", Reason.NONCE_MISMATCH);
        assertRejected(sign(rsa, JWSAlgorithm.RS256, claims().claim("nonce", null).build()), Reason.NONCE_MISMATCH);
    }

    @Test
    void acceptsASubjectOf255CharactersAndRejectsALongerOne() throws Exception {
        String longest = "s".repeat(OidcIdTokenVerifier.MAX_SUBJECT_LENGTH);
        assertThat(verifier.verify(CALLBACK, sign(rsa, JWSAlgorithm.RS256, claims().subject(longest).build()), NONCE)
                .subjectId()).isEqualTo(longest);
        assertRejected(sign(rsa, JWSAlgorithm.RS256, claims().subject(longest + "s").build()), Reason.MISSING_CLAIM);
    }

    @Test
    void rejectsGarbage() {
        assertRejected("not-a-token", Reason.MALFORMED);
    }

    @Test
    void reportsAnUnreachableProviderAsUnavailable() throws Exception {
        jwks.failWith(500);
        String token = sign(rsa, JWSAlgorithm.RS256, claims().build());
        assertThatThrownBy(() -> verifier.verify(CALLBACK, token, NONCE))
                .isInstanceOfSatisfying(GcamException.class,
                        e -> assertThat(e.code()).isEqualTo("IDENTITY_PROVIDER_UNAVAILABLE"));
    }

}
