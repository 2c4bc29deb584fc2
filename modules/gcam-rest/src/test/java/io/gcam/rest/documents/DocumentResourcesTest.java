package io.gcam.rest.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.LocalizedText;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.documents.DocumentChecklist;
import io.gcam.documents.DocumentRequirement;
import io.gcam.documents.DocumentService;
import io.gcam.documents.FileSystemBlobStore;
import io.gcam.documents.OwnerRef;
import io.gcam.documents.jdbc.JdbcDocumentStore;
import io.gcam.rest.GcamRestFeature;
import io.gcam.rest.UnauthenticatedException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentResourcesTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    HttpServer server;
    URI base;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:docs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(h2, "core");
        Migrations.migrate(h2, "documents");
        LocalTransactions tx = LocalTransactions.over(h2);
        DocumentService service = DocumentService.builder()
                .checklists(DocumentChecklist.of("recruitment",
                        DocumentRequirement.builder("diploma")
                                .name(LocalizedText.of("Diploma", "學歷證明", "Diploma")).allow(DocumentRequirement.PDF)
                                .maxBytes(1000).build(),
                        DocumentRequirement.builder("photo").allow(DocumentRequirement.JPEG).optional().build()))
                .blobs(FileSystemBlobStore.at(dir.resolve("blobs")))
                .store(JdbcDocumentStore.create(tx.dataSource()))
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                .events(e -> { }).transactions(tx).build();
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(MultiPartFeature.class)
                .register(GcamRestFeature.builder().actorResolver(request -> {
                    String auth = request.getHeaderString("Authorization");
                    if (auth == null) {
                        return Optional.empty();
                    }
                    return switch (auth) {
                        case "Bearer alice" -> Optional.of(Actor.applicant("alice"));
                        case "Bearer bob" -> Optional.of(Actor.applicant("bob"));
                        default -> throw new UnauthenticatedException();
                    };
                }).build())
                .register(DocumentRejectedExceptionMapper.class)
                .register(DocumentResources.documents(service,
                        (actor, ref) -> new OwnerRef("SAFP", "recruitment", ref, actor.subjectId())))
                .register(DocumentResources.requirements(service));
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
        base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    HttpResponse<String> upload(String user, String type, String fileName, byte[] content) throws Exception {
        String boundary = "gcam" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"ownerRef\"\r\n\r\nREC-1\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(base.resolve("api/v1/documents"))
                .header("Authorization", "Bearer " + user)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> get(String path, String user, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + user);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    @Test
    void uploadsReadsAndDownloadsADocument() throws Exception {
        HttpResponse<String> created = upload("alice", "diploma", "學位.pdf", PDF);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = field(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith("/api/v1/documents/" + id));
        assertThat(field(created.body(), "mediaType")).isEqualTo("application/pdf");
        assertThat(field(created.body(), "fileName")).isEqualTo("學位.pdf");
        assertThat(field(created.body(), "size")).isEqualTo(String.valueOf(PDF.length));
        assertThat(field(created.body(), "sha256")).hasSize(64);

        assertThat(upload("alice", "diploma", "again.pdf", PDF).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> meta = get("api/v1/documents/" + id, "alice");
        assertThat(meta.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> content = get("api/v1/documents/" + id + "/content", "alice");
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(PDF);
        assertThat(content.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(content.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"__.pdf\"; filename*=UTF-8''%E5%AD%B8%E4%BD%8D.pdf");
        assertThat(content.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        assertThat(get("api/v1/documents/" + id + "/content", "bob").statusCode()).isEqualTo(403);
    }

    @Test
    void answersRefusalsWithProblemsAndTheirCodes() throws Exception {
        HttpResponse<String> tooLarge = upload("alice", "diploma", "big.pdf", new byte[5000]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(field(tooLarge.body(), "code")).isEqualTo("DOCUMENT_TOO_LARGE");

        HttpResponse<String> html = upload("alice", "diploma", "cv.pdf",
                "<!DOCTYPE html><html><body>x</body></html>".getBytes(StandardCharsets.US_ASCII));
        assertThat(html.statusCode()).isEqualTo(415);
        assertThat(field(html.body(), "code")).isEqualTo("DOCUMENT_CONTENT_MISMATCH");

        HttpResponse<String> encrypted = upload("alice", "diploma", "e.pdf",
                new String(PDF, StandardCharsets.US_ASCII).replace("/Root 1 0 R", "/Root 1 0 R /Encrypt 2 0 R")
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(encrypted.statusCode()).isEqualTo(422);
        assertThat(field(encrypted.body(), "code")).isEqualTo("DOCUMENT_PDF_ENCRYPTED");
    }

    @Test
    void servesTheChecklistInTheCallersLanguage() throws Exception {
        HttpResponse<byte[]> zh = get("api/v1/document-requirements/recruitment", "alice", "Accept-Language", "zh-Hant");
        String body = new String(zh.body(), StandardCharsets.UTF_8);

        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(body).contains("\"type\":\"diploma\"", "學歷證明", "\"required\":true", "\"maxBytes\":1000");
        assertThat(get("api/v1/document-requirements/licence", "alice").statusCode()).isEqualTo(404);
    }
}
