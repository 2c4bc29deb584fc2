package io.gcam.samples.portal.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.samples.portal.PortalApp;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modules working together in the portal: approving a recruitment application files its
 * documents as records and counts in the service's performance figures, in the approval's
 * transaction.
 */
class FilingOnApprovalPortalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

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

    private static JsonNode call(String method, String path, String token, String body, int expectedStatus)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static String login(String user) throws Exception {
        return call("POST", "api/v1/dev/login", null, "{\"username\":\"" + user + "\"}", 200).get("token").asText();
    }

    private static void upload(String token, String ownerRef, String type, String name) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"ownerRef\"\r\n\r\n" + ownerRef + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(PDF);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(portal.uri().resolve("api/v1/documents"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void approvingAnApplicationFilesItsDocumentsAsRecordsAndCountsInThePerformanceFigures() throws Exception {
        String applicant = login("applicant1");
        String reviewer = login("reviewer1");
        String approver = login("approver1");
        YearMonth thisMonth = YearMonth.now(ZoneId.of("Asia/Macau"));
        String figures = "api/v1/catalog/services/SAFP-RECRUIT/performance?from=" + thisMonth.minusMonths(1)
                + "&to=" + thisMonth;
        JsonNode before = call("GET", figures, reviewer, null, 200);

        JsonNode submitted = call("POST", "api/v1/applications", applicant,
                "{\"type\":\"recruitment\",\"agency\":\"SAFP\",\"formData\":{\"post\":\"Clerk\"}}", 201);
        String id = submitted.at("/application/id").asText();
        String reference = submitted.at("/application/referenceNumber").asText();
        upload(applicant, reference, "diploma", "diploma.pdf");
        upload(applicant, reference, "id-card", "id-card.pdf");
        String actions = "api/v1/applications/" + id + "/actions/";
        call("POST", actions + "start_screening", reviewer, "{}", 200);
        call("POST", actions + "invite_to_interview", reviewer, "{}", 200);

        JsonNode notYet = call("GET", "api/v1/records?caseReference=" + reference, reviewer, null, 200);
        assertThat(notYet.get("total").asLong()).as("nothing is filed before the approval").isZero();

        call("POST", actions + "approve", approver, "{}", 200);

        JsonNode filed = call("GET", "api/v1/records?caseReference=" + reference, reviewer, null, 200);
        assertThat(filed.get("total").asLong()).as("one dossier and one record per document").isEqualTo(3);
        assertThat(filed.findValuesAsText("kind")).containsExactlyInAnyOrder("DOSSIER", "RECORD", "RECORD");
        assertThat(filed.findValuesAsText("classification")).containsOnly("HR.RECRUITMENT");
        String dossier = filed.get("items").findParents("kind").stream()
                .filter(n -> n.get("kind").asText().equals("DOSSIER")).findFirst().orElseThrow().get("id").asText();
        assertThat(call("GET", "api/v1/records/" + dossier + "/custody/verification", reviewer, null, 200).get("ok")
                .asBoolean()).isTrue();

        JsonNode after = call("GET", figures, reviewer, null, 200);
        assertThat(sum(after, "received") - sum(before, "received")).isEqualTo(1);
        assertThat(sum(after, "completed") - sum(before, "completed")).isEqualTo(1);
        call("GET", figures, applicant, null, 403);
        call("GET", "api/v1/catalog/services/SAFP-RECRUIT/performance?from=2026-13&to=2026-01", reviewer, null, 400);
    }

    private static long sum(JsonNode months, String field) {
        long total = 0;
        for (JsonNode month : months) {
            total += month.get(field).asLong();
        }
        return total;
    }
}
