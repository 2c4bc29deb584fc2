package io.gcam.samples.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.samples.portal.PortalApp;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Takes a recruitment application through the portal's API, as the demo users. */
class RecruitmentWorkflowPortalTest {

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
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    private static String login(String user) {
        return call("POST", "api/v1/dev/login", "{\"username\":\"" + user + "\"}", null, 200).get("token").asText();
    }

    @Test
    void takesAnApplicationFromSubmissionToApprovalWithAStatusInquiryWithoutLogin() {
        String applicant = login("applicant1");
        String reviewer = login("reviewer1");
        String approver = login("approver1");
        JsonNode submitted = call("POST", "api/v1/applications",
                "{\"type\":\"recruitment\",\"agency\":\"SAFP\",\"formData\":{\"post\":\"Senior technician\"}}",
                applicant, 201);
        String id = submitted.at("/application/id").asText();
        String base = "api/v1/applications/" + id + "/actions/";
        call("POST", base + "start_screening", "{}", reviewer, 200);
        call("POST", base + "request_documents", "{\"comment\":\"diploma copy missing\"}", reviewer, 200);
        call("POST", base + "resubmit", "{}", applicant, 200);
        call("POST", base + "invite_to_interview", "{}", reviewer, 200);
        JsonNode inbox = call("GET", "api/v1/inbox?actionable=true", null, approver, 200);
        assertThat(inbox.at("/items/0/id").asText()).isEqualTo(id);
        JsonNode approved = call("POST", base + "approve", "{}", approver, 200);
        assertThat(approved.at("/state").asText()).isEqualTo("approved");
        assertThat(call("GET", "api/v1/applications/" + id + "/history", null, reviewer, 200)).hasSize(6);

        JsonNode status = call("POST", "api/v1/status-inquiries", "{\"referenceNumber\":\""
                + submitted.at("/application/referenceNumber").asText() + "\",\"accessCode\":\""
                + submitted.at("/accessCode").asText() + "\"}", null, 200);
        assertThat(status.at("/status/zhHant").asText()).isEqualTo("已批准");
        assertThat(status.at("/timeline")).hasSize(6);
        assertThat(status.toString()).doesNotContain("diploma");
        call("POST", "api/v1/status-inquiries", "{\"referenceNumber\":\"REC-2026-999999-00\",\"accessCode\":\""
                + UUID.randomUUID() + "\"}", null, 404);
    }
}
