package io.gcam.samples.portal.documents;

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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal in demo mode: the recruitment checklist, an upload and a download over HTTP. */
class PortalDocumentsTest {

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

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String login(String user) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(portal.uri().resolve("api/v1/dev/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\"}")).build());
        return JSON.readTree(r.body()).get("token").asText();
    }

    static HttpResponse<String> upload(String token, String type, String name, byte[] content) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"ownerRef\"\r\n\r\nREC-2026-000001\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(portal.uri().resolve("api/v1/documents"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    @Test
    void servesTheRecruitmentChecklist() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(portal.uri().resolve("api/v1/document-requirements/recruitment"))
                .header("Authorization", "Bearer " + login("applicant1")).build());

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode requirements = JSON.readTree(r.body()).get("requirements");
        assertThat(requirements).extracting(n -> n.get("type").asText()).containsExactly("id-card", "diploma", "photo", "cv");
        assertThat(requirements).allSatisfy(n -> {
            assertThat(n.get("maxBytes").asLong()).isEqualTo(10L << 20);
            assertThat(n.get("archivesAllowed").asBoolean()).isFalse();
        });
        assertThat(requirements.get(3).get("mediaTypes")).extracting(JsonNode::asText).containsExactly(
                "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void uploadsAndDownloadsADiplomaAndRefusesASpoof() throws Exception {
        String token = login("applicant2");
        HttpResponse<String> created = upload(token, "diploma", "diploma.pdf", PDF);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode doc = JSON.readTree(created.body());
        assertThat(doc.get("mediaType").asText()).isEqualTo("application/pdf");

        HttpResponse<String> content = send(HttpRequest.newBuilder(
                portal.uri().resolve("api/v1/documents/" + doc.get("id").asText() + "/content"))
                .header("Authorization", "Bearer " + token).build());
        assertThat(content.body()).isEqualTo(new String(PDF, StandardCharsets.US_ASCII));
        HttpResponse<String> other = send(HttpRequest.newBuilder(
                portal.uri().resolve("api/v1/documents/" + doc.get("id").asText()))
                .header("Authorization", "Bearer " + login("applicant3")).build());
        assertThat(other.statusCode()).isEqualTo(403);

        HttpResponse<String> spoof = upload(token, "photo", "photo.jpg", PDF);
        assertThat(spoof.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(spoof.body()).get("code").asText()).isEqualTo("DOCUMENT_CONTENT_MISMATCH");
    }

    @Test
    void showsTheChecklistOnTheUploadPage() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(portal.uri().resolve("documents?lang=zh-Hant")).build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"zh-Hant\"", "上載文件", "身份證明文件", "學歷證明", "履歷",
                "type=\"file\"");
    }
}
