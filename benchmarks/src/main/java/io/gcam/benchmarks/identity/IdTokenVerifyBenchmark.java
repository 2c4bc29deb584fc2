package io.gcam.benchmarks.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.gcam.core.Actor;
import io.gcam.identity.AssuranceLevel;
import io.gcam.identity.OidcClaimMapping;
import io.gcam.identity.OidcIdTokenVerifier;
import io.gcam.identity.VerifiedIdentity;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying one RS256 ID token, against a bare Nimbus signature check.
 *
 * <ul>
 *   <li>{@link #gcamVerify()}: {@link OidcIdTokenVerifier#verify} with the provider's JWKS served by
 *       a local HTTP server and cached by the verifier (fetched once per trial): parse, algorithm
 *       allow-list, key lookup by {@code kid}, RSA signature, issuer, audience, expiry/issued-at with
 *       skew, nonce (constant time), claim mapping to a {@link VerifiedIdentity}.</li>
 *   <li>{@link #baselineNimbusVerify()}: {@code SignedJWT.parse} and {@code verify} with an
 *       {@link RSASSAVerifier} on the public key already in memory, then reading the claims set:
 *       the signature check every OIDC library must do, without any of the claim checks.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IdTokenVerifyBenchmark {

    private static final String ISSUER = "https://eid.example.gov.mo";
    private static final String CLIENT = "recruitment-portal";
    private static final String NONCE = "bench-nonce-0123456789";

    private HttpServer jwksServer;
    private final AtomicInteger fetches = new AtomicInteger();
    private OidcIdTokenVerifier verifier;
    private RSASSAVerifier nimbus;
    private String token;
    private final Actor login = Actor.system("bench-login");

    /**
     * Generates a key, serves its JWKS locally and signs one token valid for the whole trial.
     *
     * @throws Exception when set-up fails
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-1").keyUse(KeyUse.SIGNATURE).generate();
        byte[] jwks = new JWKSet(key).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
        jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwksServer.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        jwksServer.start();
        verifier = OidcIdTokenVerifier.builder()
                .issuer(ISSUER).clientId(CLIENT)
                .jwksUri(URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks"))
                .jwksCacheTtl(Duration.ofHours(1))
                .claimMapping(OidcClaimMapping.builder().acr("substantial", AssuranceLevel.SUBSTANTIAL).build())
                .build();
        nimbus = new RSASSAVerifier(key.toRSAPublicKey());
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT).subject("bench-subject-1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(2))))
                .claim("nonce", NONCE).claim("acr", "substantial")
                .claim("family_name", "CHAN").claim("given_name", "Tai Man").claim("birthdate", "1990-05-17")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench-1")
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        token = jwt.serialize();
    }

    /** Stops the JWKS server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        jwksServer.stop(0);
    }

    /** @return the verified identity */
    @Benchmark
    public VerifiedIdentity gcamVerify() {
        return verifier.verify(login, token, NONCE);
    }

    /**
     * @return the token's claims
     * @throws ParseException when the token cannot be parsed
     * @throws JOSEException when the signature cannot be checked
     */
    @Benchmark
    public JWTClaimsSet baselineNimbusVerify() throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(nimbus)) {
            throw new IllegalStateException("signature rejected");
        }
        return jwt.getJWTClaimsSet();
    }

    /** @return how often the JWKS was fetched (the smoke test checks the cache) */
    int jwksFetches() {
        return fetches.get();
    }

}
