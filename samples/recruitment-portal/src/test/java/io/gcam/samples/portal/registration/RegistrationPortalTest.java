package io.gcam.samples.portal.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gcam.samples.portal.PortalApp;
import io.gcam.samples.portal.PortalHttp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeded demo exam, registered for through the running portal. */
class RegistrationPortalTest {

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

    @Test
    void applicantsRegisterForTheSeededExamAndStaffExportTheList() {
        String alice = login("applicant1");
        String tooYoung = login("applicant3");
        String admin = login("admin1");

        JsonNode activities = json(send("GET", "api/v1/activities", alice, null));
        assertThat(activities.get("total").asInt()).isEqualTo(1);
        JsonNode exam = activities.get("items").get(0);
        assertThat(exam.get("title").get("zhHant").asText()).isEqualTo("統一招聘考試");
        String examId = exam.get("id").asText();
        String hallA = exam.get("sessions").get(0).get("id").asText();
        String body = "{\"sessionId\":\"" + hallA + "\"}";

        HttpResponse<String> registered = send("POST", "api/v1/activities/" + examId + "/registrations", alice, body,
                "Idempotency-Key", "portal-test-1");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(json(registered).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(json(registered).get("candidateNumber").asText()).startsWith("EX");

        HttpResponse<String> refused = send("POST", "api/v1/activities/" + examId + "/registrations", tooYoung, body);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("code").asText()).isEqualTo("NOT_ELIGIBLE");

        assertThat(json(send("GET", "api/v1/me/registrations", alice, null)).get("total").asInt()).isEqualTo(1);
        HttpResponse<String> csv = send("GET", "api/v1/activities/" + examId + "/registrations.csv", admin, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("demo-applicant1");
        assertThat(send("GET", "api/v1/activities/" + examId + "/registrations.csv", alice, null).statusCode())
                .isEqualTo(403);
    }

    private static String login(String username) {
        return PortalHttp.login(portal, username);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        return PortalHttp.send(portal, method, path, token, body, headers);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return PortalHttp.json(response);
    }
}
