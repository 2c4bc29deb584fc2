package io.gcam.samples.portal.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.samples.portal.PortalApp;
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

/** The portal in demo mode: the seeded records, clearance, a transfer and its acknowledgement over HTTP. */
class PortalRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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

    private static HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String login(String user) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(portal.uri().resolve("api/v1/dev/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("token").asText();
    }

    @Test
    void staffSeeOnlyTheRecordsTheyAreClearedForAndTransfersNeedAnAcknowledgement() throws Exception {
        String reviewer = login("reviewer1");
        String approver = login("approver1");

        HttpResponse<String> search = send("GET", "api/v1/records?classification=HR", reviewer, null);
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        JsonNode page = JSON.readTree(search.body());
        assertThat(page.get("total").asLong()).as("the confidential appeal is neither shown nor counted").isEqualTo(1);
        assertThat(search.body()).doesNotContain("Appeal");
        String id = page.at("/items/0/id").asText();
        assertThat(page.at("/items/0/kind").asText()).isEqualTo("DOSSIER");
        assertThat(send("GET", "api/v1/records", login("applicant1"), null).statusCode()).isEqualTo(403);

        HttpResponse<String> sent = send("POST", "api/v1/records/" + id + "/transfers", reviewer,
                "{\"toAgency\":\"SAFP\",\"toDepartment\":\"ARCHIVE\",\"note\":\"closing the campaign\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String transferId = JSON.readTree(sent.body()).get("id").asText();
        assertThat(JSON.readTree(send("GET", "api/v1/records/" + id, approver, null).body()).get("custodianDepartment")
                .asText()).isEqualTo("HR");

        HttpResponse<String> pending = send("GET", "api/v1/transfers", approver, null);
        assertThat(JSON.readTree(pending.body()).findValuesAsText("id")).contains(transferId);
        HttpResponse<String> notArchive = send("POST", "api/v1/transfers/" + transferId + "/acknowledge", reviewer, null);
        assertThat(notArchive.statusCode()).as("the reviewer is not of the archive department").isEqualTo(403);
        assertThat(JSON.readTree(notArchive.body()).get("code").asText()).isEqualTo("ACCESS_DENIED");
        HttpResponse<String> acknowledged = send("POST", "api/v1/transfers/" + transferId + "/acknowledge", approver, null);
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);

        assertThat(JSON.readTree(send("GET", "api/v1/records/" + id, reviewer, null).body()).get("custodianDepartment")
                .asText()).isEqualTo("ARCHIVE");
        JsonNode custody = JSON.readTree(send("GET", "api/v1/records/" + id + "/custody", reviewer, null).body());
        assertThat(custody.get("events").findValuesAsText("action")).containsSubsequence("record.registered",
                "record.transfer_sent", "record.transfer_acknowledged", "record.viewed");
        JsonNode verification = JSON.readTree(send("GET", "api/v1/records/" + id + "/custody/verification", reviewer,
                null).body());
        assertThat(verification.get("ok").asBoolean()).isTrue();
    }
}
