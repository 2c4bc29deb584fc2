package io.gcam.samples.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.GcamException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real portal (the entry point main() uses) on a free port and drives it over HTTP. */
class PortalApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Java's default client: it asks for an h2c upgrade on every request, which the portal must ignore. */
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static PortalApp portal;

    @BeforeAll
    static void start() {
        portal = PortalApp.start(Map.of("GCAM_PORT", "0", "GCAM_DATA_DIR", dataDir.toString()));
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(PortalApp app, String path) {
        return HttpRequest.newBuilder(app.uri().resolve(path));
    }

    static HttpResponse<String> post(PortalApp app, String path, String json, String... headers) {
        HttpRequest.Builder builder = request(app, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static String login(String username) {
        HttpResponse<String> response = post(portal, "api/v1/dev/login", "{\"username\":\"" + username + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("token").asText();
    }

    @Test
    void reportsHealthWithTheDatabase() {
        HttpResponse<String> response = send(request(portal, "health").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("UP");
        assertThat(Files.exists(dataDir.resolve("portal.mv.db"))).isTrue();
    }

    @Test
    void servesTheHomePageInThreeLanguages() {
        HttpResponse<String> english = send(request(portal, "").GET());
        HttpResponse<String> chinese = send(request(portal, "").header("Accept-Language", "zh-MO,zh;q=0.9").GET());
        HttpResponse<String> portuguese = send(request(portal, "?lang=pt").header("Accept-Language", "zh-MO").GET());

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(english.body()).contains("<html lang=\"en\">", "Civil Service Recruitment Portal", "applicant1",
                "href=\"/?lang=zh-Hant\"", "href=\"/?lang=pt\"");
        assertThat(chinese.body()).contains("<html lang=\"zh-Hant\">", "公務人員招聘入口網站");
        assertThat(chinese.headers().firstValue("Content-Language")).hasValue("zh-Hant");
        assertThat(portuguese.body()).contains("<html lang=\"pt\">", "Portal de Recrutamento da Função Pública");
    }

    @Test
    void signsInDemoUsersAndTellsThemWhoTheyAre() {
        String token = login("reviewer1");

        HttpResponse<String> me = send(request(portal, "api/v1/me").header("Authorization", "Bearer " + token).GET());

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode actor = json(me);
        assertThat(actor.get("subjectId").asText()).isEqualTo("demo-reviewer1");
        assertThat(actor.get("kind").asText()).isEqualTo("STAFF");
        assertThat(actor.get("agency").asText()).isEqualTo("SAFP");
        assertThat(actor.get("roles").toString()).isEqualTo("[\"REVIEWER\"]");
    }

    @Test
    void answersAnonymousAndForgedRequestsWith401Problems() {
        HttpResponse<String> anonymous = send(request(portal, "api/v1/me").header("Accept-Language", "pt").GET());
        HttpResponse<String> forged = send(request(portal, "api/v1/me").header("Authorization", "Bearer not-a-token").GET());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"gcam-portal\"");
        assertThat(json(anonymous).get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(json(anonymous).get("detail").asText()).startsWith("Inicie sessão primeiro");
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void answersUnknownUsersAndNotesWith404Problems() {
        HttpResponse<String> unknownUser = post(portal, "api/v1/dev/login", "{\"username\":\"nobody\"}",
                "Accept-Language", "zh-Hant");
        assertThat(unknownUser.statusCode()).isEqualTo(404);
        assertThat(unknownUser.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(unknownUser).get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(unknownUser.headers().firstValue("Content-Language")).hasValue("zh-Hant");

        HttpResponse<String> unknownNote = send(request(portal, "api/v1/notes/" + UUID.randomUUID())
                .header("Authorization", "Bearer " + login("applicant1")).GET());
        assertThat(unknownNote.statusCode()).isEqualTo(404);
        assertThat(json(unknownNote).get("type").asText()).isEqualTo("https://gcam.io/problems/not-found");
    }

    @Test
    void keepsNotesPrivateToTheirOwner() {
        HttpResponse<String> created = post(portal, "api/v1/notes", "{\"text\":\"mine\"}",
                "Authorization", "Bearer " + login("applicant2"));
        String location = created.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> byOwner = send(HttpRequest.newBuilder(URI.create(location))
                .header("Authorization", "Bearer " + login("applicant2")).GET());
        HttpResponse<String> byOther = send(HttpRequest.newBuilder(URI.create(location))
                .header("Authorization", "Bearer " + login("applicant3")).GET());

        assertThat(byOwner.statusCode()).isEqualTo(200);
        assertThat(json(byOwner).get("text").asText()).isEqualTo("mine");
        assertThat(byOther.statusCode()).isEqualTo(404);
    }

    @Test
    void replaysACreatingPostRetriedWithTheSameIdempotencyKey() {
        String token = login("applicant1");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post(portal, "api/v1/notes", "{\"text\":\"Bring my diploma\"}",
                "Authorization", "Bearer " + token, "Idempotency-Key", key);
        HttpResponse<String> retry = post(portal, "api/v1/notes", "{\"text\":\"Bring my diploma\"}",
                "Authorization", "Bearer " + token, "Idempotency-Key", key);
        HttpResponse<String> reused = post(portal, "api/v1/notes", "{\"text\":\"Something else\"}",
                "Authorization", "Bearer " + token, "Idempotency-Key", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/api/v1/notes/"));
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(json(first).get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(json(reused).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void validatesNotesWithLocalizedFieldErrors() {
        HttpResponse<String> response = post(portal, "api/v1/notes", "{\"text\":\"\"}",
                "Authorization", "Bearer " + login("applicant1"), "Accept-Language", "zh-Hant");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("text");
        assertThat(json(response).get("errors").get(0).get("message").asText()).isEqualTo("請輸入筆記內容。");
    }

    @Test
    void hasNoDevLoginInProductionMode(@TempDir Path productionData) {
        try (PortalApp production = PortalApp.start(Map.of("GCAM_PORT", "0", "GCAM_MODE", "production",
                "GCAM_DATA_DIR", productionData.toString()))) {
            HttpResponse<String> login = post(production, "api/v1/dev/login", "{\"username\":\"applicant1\"}");
            HttpResponse<String> home = send(request(production, "").GET());

            assertThat(login.statusCode()).isEqualTo(404);
            assertThat(json(login).get("code").asText()).isEqualTo("HTTP_NOT_FOUND");
            assertThat(home.body()).doesNotContain("applicant1");
            assertThat(send(request(production, "health").GET()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesInvalidSettingsWithAClearMessage() {
        assertThatThrownBy(() -> PortalApp.start(Map.of("GCAM_PORT", "eighty")))
                .isInstanceOf(GcamException.class)
                .hasMessageContaining("GCAM_PORT must be a port number from 0 to 65535");
        assertThatThrownBy(() -> PortalApp.start(Map.of("GCAM_MODE", "staging")))
                .hasMessageContaining("GCAM_MODE must be 'demo' or 'production', not 'staging'");
        assertThatThrownBy(() -> PortalApp.start(Map.of("GCAM_JDBC_URL", "postgres://x")))
                .hasMessageContaining("GCAM_JDBC_URL must be a JDBC URL");
        assertThatThrownBy(() -> PortalApp.start(Map.of("GCAM_JDBC_USER", "gcam")))
                .hasMessageContaining("need GCAM_JDBC_URL");
    }
}
