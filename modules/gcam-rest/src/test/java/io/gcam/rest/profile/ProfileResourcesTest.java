package io.gcam.rest.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.BeanValidation;
import io.gcam.core.BlindIndex;
import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.core.FieldCipher;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.AssuranceLevel;
import io.gcam.identity.IdentityDocument;
import io.gcam.identity.IdentityDocumentType;
import io.gcam.identity.IdentityLinks;
import io.gcam.identity.VerificationMethod;
import io.gcam.identity.VerifiedAttributes;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.identity.jdbc.JdbcVerificationStore;
import io.gcam.profile.ProfileService;
import io.gcam.profile.jdbc.JdbcProfileStore;
import io.gcam.rest.GcamRestFeature;
import io.gcam.rest.identity.IdentityResources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The profile and identity APIs over real HTTP, on real services and an H2 database. */
class ProfileResourcesTest {

    private static final Instant NOW = Instant.parse("2026-03-05T02:00:00Z");
    private static final BeanValidation VALIDATION = BeanValidation.create();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rest-profile-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(ds, "core");
        Migrations.migrate(ds, "identity");
        Migrations.migrate(ds, "profile");
        LocalTransactions tx = LocalTransactions.over(ds);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AuditTrail audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        FieldCipher cipher = FieldCipher.create(ConfiguredKeyProvider.of("k1", Map.of("k1", new byte[32])));
        IdentityLinks links = IdentityLinks.builder().store(JdbcVerificationStore.create(tx.dataSource()))
                .cipher(cipher).clock(clock).audit(audit).transactions(tx).build();
        ProfileService profiles = ProfileService.builder().store(JdbcProfileStore.create(tx.dataSource()))
                .cipher(cipher)
                .blindIndex(BlindIndex.create(ConfiguredKeyProvider.of("i1", Map.of("i1", new byte[32]))))
                .validation(VALIDATION).clock(clock).audit(audit).transactions(tx).build();
        links.link(Actor.system("login"), "ana", VerifiedIdentity.builder().subjectId("ana")
                .method(VerificationMethod.OIDC).level(AssuranceLevel.SUBSTANTIAL)
                .attributes(VerifiedAttributes.builder().familyName("CHAN").givenNames("Tai Man")
                        .dateOfBirth(LocalDate.of(1990, 5, 17))
                        .document(new IdentityDocument(IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD, "51234567"))
                        .build())
                .verifiedAt(NOW.minusSeconds(60)).expiresAt(NOW.plus(Duration.ofHours(1))).build());
        IdempotentExecutor idempotency = IdempotentExecutor.builder().store(new JdbcIdempotencyStore(ds)).clock(clock)
                .build();
        ResourceConfig config = new ResourceConfig()
                .register(GcamRestFeature.builder()
                        .actorResolver(request -> Optional.ofNullable(request.getHeaderString("Authorization"))
                                .map(auth -> auth.equals("Bearer clerk") ? Actor.staff("clerk", "DSAJ", "clerk")
                                        : Actor.applicant(auth.substring("Bearer ".length()))))
                        .idempotentExecutor(idempotency)
                        .build())
                .registerInstances(ProfileResources.create(profiles, links))
                .registerInstances(IdentityResources.create(links))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
        base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    @Test
    void createsReadsAndUpdatesTheOwnProfileWithVersions() throws Exception {
        assertThat(get("api/v1/me/profile", "ana").statusCode()).isEqualTo(404);

        HttpResponse<String> created = post("api/v1/me/profile", "{\"email\":\"ana@example.mo\"}", "ana");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode profile = json.readTree(created.body());
        assertThat(profile.get("version").asLong()).isEqualTo(1);
        assertThat(profile.at("/data/familyName").asText()).isEqualTo("CHAN");
        assertThat(profile.get("lockedFields").toString()).contains("FAMILY_NAME", "IDENTITY_DOCUMENT");
        assertThat(profile.at("/completeness/percent").asInt()).isBetween(1, 99);
        assertThat(profile.at("/completeness/missing/0/label/zhHant").asText()).isNotBlank();

        JsonNode data = profile.get("data");
        ((com.fasterxml.jackson.databind.node.ObjectNode) data).put("phone", "+85361234567");
        String update = "{\"version\":1,\"data\":" + data + "}";
        HttpResponse<String> saved = put("api/v1/me/profile", update, "ana", "en");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json.readTree(saved.body()).get("version").asLong()).isEqualTo(2);

        HttpResponse<String> stale = put("api/v1/me/profile", update, "ana", "en");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(stale.body()).contains("\"code\":\"CONFLICT\"");

        HttpResponse<String> history = get("api/v1/me/profile/history", "ana");
        assertThat(history.statusCode()).isEqualTo(200);
        JsonNode versions = json.readTree(history.body());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("changedFields").toString()).isEqualTo("[\"PHONE\"]");
        assertThat(versions.get(1).get("actorId").asText()).isEqualTo("owner");
    }

    @Test
    void refusesLockedAndInvalidChangesAsLocalizedProblems() throws Exception {
        JsonNode profile = json.readTree(post("api/v1/me/profile", "{}", "ana").body());
        com.fasterxml.jackson.databind.node.ObjectNode data = (com.fasterxml.jackson.databind.node.ObjectNode) profile.get("data");

        data.put("familyName", "WONG");
        HttpResponse<String> locked = put("api/v1/me/profile", "{\"version\":1,\"data\":" + data + "}", "ana", "pt");
        assertThat(locked.statusCode()).isEqualTo(422);
        assertThat(locked.body()).contains("\"code\":\"PROFILE_FIELD_LOCKED\"").contains("FAMILY_NAME")
                .doesNotContain("WONG");

        data.put("familyName", "CHAN");
        data.put("phone", "28765432");
        HttpResponse<String> invalid = put("api/v1/me/profile", "{\"version\":1,\"data\":" + data + "}", "ana",
                "zh-Hant");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"code\":\"VALIDATION_FAILED\"").contains("phone").contains("國際電話號碼")
                .doesNotContain("28765432");
    }

    @Test
    void grantsListsAndWithdrawsConsents() throws Exception {
        post("api/v1/me/profile", "{}", "ana");
        HttpResponse<String> granted = post("api/v1/me/consents", "{\"purpose\":\"recruitment\",\"agency\":\"DSAJ\"}",
                "ana", "Idempotency-Key", "c-1");
        HttpResponse<String> replay = post("api/v1/me/consents", "{\"purpose\":\"recruitment\",\"agency\":\"DSAJ\"}",
                "ana", "Idempotency-Key", "c-1");
        assertThat(granted.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(granted.body());
        String id = json.readTree(granted.body()).get("id").asText();
        assertThat(json.readTree(get("api/v1/me/consents", "ana").body())).hasSize(1);

        HttpResponse<String> withdrawn = send(request("api/v1/me/consents/" + id, "ana").DELETE());
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(json.readTree(withdrawn.body()).get("withdrawnAt").asText()).isEqualTo(NOW.toString());
    }

    @Test
    void exportsTheOwnProfileAndRefusesStaff() {
        post("api/v1/me/profile", "{\"email\":\"ana@example.mo\"}", "ana");
        HttpResponse<String> export = get("api/v1/me/profile/export", "ana");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .contains("attachment"));
        assertThat(export.body()).contains("gcam-profile-export/1", "ana@example.mo");
        assertThat(get("api/v1/me/profile", "clerk").statusCode()).isEqualTo(403);
    }

    @Test
    void showsTheCurrentVerificationWithoutAttributeValues() throws Exception {
        HttpResponse<String> identity = get("api/v1/me/identity", "ana");
        assertThat(identity.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(identity.body());
        assertThat(body.get("level").asText()).isEqualTo("SUBSTANTIAL");
        assertThat(body.get("verifiedAttributes").toString()).contains("familyName", "document");
        assertThat(identity.body()).doesNotContain("CHAN", "51234567");
        assertThat(get("api/v1/me/identity", "bob").statusCode()).isEqualTo(404);
        HttpResponse<String> noVerification = post("api/v1/me/profile", "{}", "bob");
        assertThat(noVerification.statusCode()).isEqualTo(403);
        assertThat(noVerification.body()).contains("INSUFFICIENT_ASSURANCE");
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + user);
    }

    private HttpResponse<String> post(String path, String body, String user, String... headers) {
        HttpRequest.Builder b = request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private HttpResponse<String> put(String path, String body, String user, String language) {
        return send(request(path, user).header("Content-Type", "application/json").header("Accept-Language", language)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path, String user) {
        return send(request(path, user).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
