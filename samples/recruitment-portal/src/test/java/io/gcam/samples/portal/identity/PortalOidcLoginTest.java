package io.gcam.samples.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.gcam.samples.portal.PortalApp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in with an OpenID Connect ID token against a running portal: the provider's keys are served
 * by a local JWKS endpoint, tokens are signed in the test.
 */
class PortalOidcLoginTest {

    private static final String ISSUER = "https://eid.example.gov.mo";
    private static final String CLIENT = "recruitment-portal";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static HttpServer jwks;
    private static RSAKey providerKey;
    private static PortalApp portal;

    @BeforeAll
    static void start() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("eid-1").keyUse(KeyUse.SIGNATURE).generate();
        byte[] keys = new JWKSet(providerKey).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(keys);
            }
        });
        jwks.start();
        portal = PortalApp.start(Map.of("GCAM_PORT", "0", "GCAM_DATA_DIR", dataDir.toString(),
                "GCAM_OIDC_ISSUER", ISSUER, "GCAM_OIDC_CLIENT_ID", CLIENT,
                "GCAM_OIDC_JWKS_URI", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks"));
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
        jwks.stop(0);
    }

    @Test
    void signsInWithAnIdTokenSignedByTheProvider() throws Exception {
        String nonce = nonce();
        HttpResponse<String> signedIn = login(signed(providerKey, claims(nonce, "mo-eid-81723").build()), nonce);

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String token = json(signedIn).get("token").asText();
        assertThat(token).isNotBlank();
        HttpResponse<String> me = send(request("api/v1/me/identity").header("Authorization", "Bearer " + token).GET());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode identity = json(me);
        assertThat(identity.get("method").asText()).isEqualTo("OIDC");
        assertThat(identity.get("level").asText()).isEqualTo("HIGH");
    }

    @Test
    void acceptsASubjectLongerThanSixtyFourCharacters() throws Exception {
        String longSubject = "urn:mo:eid:person:" + "7".repeat(200);
        String nonce = nonce();
        HttpResponse<String> signedIn = login(signed(providerKey, claims(nonce, longSubject).build()), nonce);

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String token = json(signedIn).get("token").asText();
        HttpResponse<String> me = send(request("api/v1/me/identity").header("Authorization", "Bearer " + token).GET());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).get("method").asText()).isEqualTo("OIDC");
    }

    @Test
    void refusesASubjectLongerThan255Characters() throws Exception {
        String nonce = nonce();
        assertRefused(login(signed(providerKey, claims(nonce, "s".repeat(256)).build()), nonce));
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("eid-1").keyUse(KeyUse.SIGNATURE).generate();
        String nonce = nonce();
        assertRefused(login(signed(stranger, claims(nonce, "mo-eid-1").build()), nonce));
    }

    @Test
    void refusesATokenForAnotherAudience() throws Exception {
        String nonce = nonce();
        assertRefused(login(signed(providerKey, claims(nonce, "mo-eid-2").audience("another-portal").build()), nonce));
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        String nonce = nonce();
        Instant past = Instant.now().minusSeconds(3600);
        JWTClaimsSet expired = claims(nonce, "mo-eid-3").issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(300))).build();
        assertRefused(login(signed(providerKey, expired), nonce));
    }

    @Test
    void refusesAnUnsignedToken() throws Exception {
        String nonce = nonce();
        assertRefused(login(new PlainJWT(claims(nonce, "mo-eid-4").build()).serialize(), nonce));
    }

    @Test
    void refusesATokenWhoseNonceWasNotIssued() throws Exception {
        HttpResponse<String> refused = login(signed(providerKey, claims("made-up", "mo-eid-5").build()), "made-up");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(refused).has("token")).isFalse();
    }

    @Test
    void usesANonceOnlyOnce() throws Exception {
        String nonce = nonce();
        String idToken = signed(providerKey, claims(nonce, "mo-eid-6").build());
        assertThat(login(idToken, nonce).statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = login(idToken, nonce);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(400);
        assertThat(json(replayed).has("token")).isFalse();
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo("ID_TOKEN_REJECTED");
        assertThat(problem.has("token")).isFalse();
    }

    private static JWTClaimsSet.Builder claims(String nonce, String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce).claim("acr", "high")
                .claim("family_name", "CHAN").claim("given_name", "TAI MAN");
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String nonce() {
        HttpResponse<String> started = send(request("api/v1/login/oidc/start")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonNode start = json(started);
        assertThat(start.get("enabled").asBoolean()).isTrue();
        return start.get("nonce").asText();
    }

    private static HttpResponse<String> login(String idToken, String nonce) {
        return send(request("api/v1/login/oidc").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"idToken\":\"" + idToken + "\",\"nonce\":\"" + nonce + "\"}")));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(portal.uri().resolve(path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
