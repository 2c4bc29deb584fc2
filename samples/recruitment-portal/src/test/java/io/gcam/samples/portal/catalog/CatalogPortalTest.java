package io.gcam.samples.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.samples.portal.PortalApp;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single window of the demo portal over HTTP: two agencies' services, searched and applied for. */
class CatalogPortalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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

    private static JsonNode call(String method, String path, String body, String token, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body())
                    .isEqualTo(expectedStatus);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode search(String q) {
        return call("GET", "api/v1/catalog/services?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null, null, 200);
    }

    @Test
    void findsTheRecruitmentServiceInEnglishChineseAndPortugueseWithoutLogin() {
        for (String q : new String[] {"recruitment", "招聘", "recrutamento"}) {
            JsonNode found = search(q);
            assertThat(found.at("/total").asLong()).as(q).isEqualTo(1);
            assertThat(found.at("/items/0/code").asText()).as(q).isEqualTo("SAFP-RECRUIT");
            assertThat(found.at("/items/0/definition/name/zhHant").asText()).isEqualTo("公務人員招聘");
        }
        assertThat(search("求職").at("/items/0/agency").asText()).isEqualTo("DSAL");
        JsonNode both = call("GET", "api/v1/catalog/services?category=employment", null, null, 200);
        assertThat(both.at("/total").asLong()).isEqualTo(2);
        JsonNode online = call("GET", "api/v1/catalog/services?channel=ONLINE", null, null, 200);
        assertThat(online.at("/total").asLong()).isEqualTo(1);
        assertThat(call("GET", "api/v1/catalog/services/DSAL-JOBSEEK", null, null, 200).at("/channels").toString())
                .isEqualTo("[\"COUNTER\",\"PHONE\"]");
    }

    @Test
    void appliesThroughTheSingleWindowAndListsTheApplicationWithItsPublicStatus() {
        String applicant = call("POST", "api/v1/dev/login", "{\"username\":\"applicant2\"}", null, 200)
                .get("token").asText();

        JsonNode receipt = call("POST", "api/v1/catalog/services/SAFP-RECRUIT/applications",
                "{\"formData\":{\"post\":\"Clerk\"}}", applicant, 201);
        assertThat(receipt.at("/referenceNumber").asText()).startsWith("REC-");
        call("POST", "api/v1/catalog/services/DSAL-JOBSEEK/applications", "{}", applicant, 422);

        JsonNode mine = call("GET", "api/v1/me/applications", null, applicant, 200);
        assertThat(mine.at("/items")).hasSize(1);
        assertThat(mine.at("/items/0/available").asBoolean()).isTrue();
        assertThat(mine.at("/items/0/status/en").asText()).isEqualTo("Received");
        assertThat(mine.at("/items/0/serviceName/pt").asText()).isEqualTo("Recrutamento da função pública");
        call("GET", "api/v1/me/applications", null, null, 401);
    }
}
