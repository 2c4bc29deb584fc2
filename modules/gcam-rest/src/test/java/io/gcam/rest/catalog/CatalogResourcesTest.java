package io.gcam.rest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.gcam.catalog.CatalogService;
import io.gcam.catalog.SingleWindow;
import io.gcam.catalog.http.HttpServiceConnector;
import io.gcam.catalog.jdbc.JdbcCatalogStore;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.rest.GcamRestFeature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalogue API over real HTTP, on a real catalogue, H2 database and agency backend. */
class CatalogResourcesTest {

    private static final Instant NOW = Instant.parse("2026-09-29T02:00:00Z");
    private static final String RECRUITMENT = """
            {"code":"SAFP-RECRUIT","agency":"SAFP",
             "name":{"en":"Civil service recruitment","zhHant":"公務人員招聘","pt":"Recrutamento da função pública"},
             "description":{"en":"Apply for a public post.","zhHant":"報考公職。","pt":"Candidatar-se a um lugar público."},
             "category":"employment","lifeEvents":["looking-for-work"],
             "steps":[{"title":{"en":"Apply online"},"requiredDocuments":["ID_CARD"],
                       "fees":[{"description":{"en":"Fee"},"amount":0,"currency":"MOP"}],"channels":["ONLINE","KIOSK"]}],
             "processingTime":{"minWorkingDays":20,"maxWorkingDays":60},
             "applyOnlineUrl":"https://portal.example/apply"}""";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer server;
    private com.sun.net.httpserver.HttpServer agency;
    private URI base;
    private SingleWindow window;

    @BeforeEach
    void start() throws IOException {
        agency = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        agency.createContext("/dsal/applications", this::agencyBackend);
        agency.start();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rest-cat-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(ds, "core");
        Migrations.migrate(ds, "catalog");
        LocalTransactions tx = LocalTransactions.over(ds);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AuditTrail audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        JdbcCatalogStore store = new JdbcCatalogStore(tx.dataSource());
        CatalogService catalog = CatalogService.builder().store(store).transactions(tx).audit(audit)
                .events(e -> { }).clock(clock).refreshInterval(Duration.ZERO).build();
        window = SingleWindow.builder().catalog(catalog).store(store).transactions(tx).audit(audit).events(e -> { })
                .clock(clock).statusTimeout(Duration.ofSeconds(5))
                .connector("SAFP", HttpServiceConnector.builder("SAFP",
                        URI.create("http://127.0.0.1:" + agency.getAddress().getPort() + "/dsal/")).build())
                .build();
        ResourceConfig config = new ResourceConfig()
                .register(GcamRestFeature.builder()
                        .actorResolver(request -> Optional.ofNullable(request.getHeaderString("Authorization"))
                                .map(auth -> switch (auth) {
                                    case "Bearer editor" -> Actor.staff("ed", "SAFP", CatalogService.EDITOR);
                                    case "Bearer other" -> Actor.staff("ot", "DSAL", CatalogService.EDITOR);
                                    default -> Actor.applicant(auth.substring("Bearer ".length()));
                                }))
                        .idempotentExecutor(IdempotentExecutor.builder().store(new JdbcIdempotencyStore(ds))
                                .clock(clock).build())
                        .build())
                .registerInstances(CatalogResources.create(catalog, window).resources())
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
        base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
        agency.stop(0);
        window.close();
    }

    private void agencyBackend(HttpExchange exchange) throws IOException {
        String answer = exchange.getRequestURI().getPath().endsWith("/statuses")
                ? "{\"items\":[{\"applicationId\":\"A-1\",\"status\":{\"en\":\"Received\",\"zhHant\":\"已收件\"},\"finished\":false}]}"
                : "{\"applicationId\":\"A-1\",\"referenceNumber\":\"REC-2026-000001\"}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/statuses") ? 200 : 201, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void editorsCreateAndPublishAndAnyoneFindsTheServiceInThreeLanguagesWithoutLogin() {
        HttpResponse<String> created = post("api/v1/catalog/services", RECRUITMENT, "editor");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"status\":\"DRAFT\"").contains("\"version\":1");
        assertThat(search("recruitment").body()).contains("\"total\":0");

        HttpResponse<String> published = post("api/v1/catalog/services/SAFP-RECRUIT/versions/1/publish", "{}", "editor");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).contains("\"status\":\"PUBLISHED\"").contains("\"effectiveFrom\":\"2026-09-29\"");

        for (String q : new String[] {"recruitment", "招聘", "recrutamento", "Recrutamento"}) {
            HttpResponse<String> found = search(q);
            assertThat(found.statusCode()).as(q).isEqualTo(200);
            assertThat(found.body()).as(q).contains("\"total\":1").contains("\"code\":\"SAFP-RECRUIT\"");
        }
        assertThat(send(HttpRequest.newBuilder(base.resolve("api/v1/catalog/services?channel=kiosk")).GET()).body())
                .contains("SAFP-RECRUIT");
        assertThat(send(HttpRequest.newBuilder(base.resolve("api/v1/catalog/services?channel=fax")).GET()).statusCode())
                .isEqualTo(400);
        HttpResponse<String> one = send(HttpRequest.newBuilder(base.resolve("api/v1/catalog/services/SAFP-RECRUIT")).GET());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"requiredDocuments\":[\"ID_CARD\"]").contains("\"channels\":[\"ONLINE\",\"KIOSK\"]");
    }

    @Test
    void refusesEditsFromOtherAgenciesAndApplicants() {
        assertThat(post("api/v1/catalog/services", RECRUITMENT, "other").statusCode()).isEqualTo(403);
        assertThat(post("api/v1/catalog/services", RECRUITMENT, "alice").statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(base.resolve("api/v1/catalog/services")).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(RECRUITMENT))).statusCode()).isEqualTo(401);
        post("api/v1/catalog/services", RECRUITMENT, "editor");
        assertThat(post("api/v1/catalog/services/SAFP-RECRUIT/versions/1/publish", "{}", "other").statusCode())
                .isEqualTo(404);
        HttpResponse<String> bad = post("api/v1/catalog/services", RECRUITMENT.replace("SAFP-RECRUIT", "bad code"), "editor");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("VALIDATION_FAILED").contains("code");
    }

    @Test
    void retiresAndAppliesAndListsMyApplications() {
        post("api/v1/catalog/services", RECRUITMENT, "editor");
        post("api/v1/catalog/services/SAFP-RECRUIT/versions/1/publish", "{}", "editor");

        HttpResponse<String> applied = post("api/v1/catalog/services/SAFP-RECRUIT/applications",
                "{\"formData\":{\"post\":\"clerk\"}}", "alice");
        assertThat(applied.statusCode()).isEqualTo(201);
        assertThat(applied.body()).contains("\"referenceNumber\":\"REC-2026-000001\"");

        HttpResponse<String> mine = send(HttpRequest.newBuilder(base.resolve("api/v1/me/applications"))
                .header("Authorization", "Bearer alice").GET());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("\"available\":true").contains("已收件").contains("\"unavailableAgencies\":[]");
        assertThat(send(HttpRequest.newBuilder(base.resolve("api/v1/me/applications"))
                .header("Authorization", "Bearer bob").GET()).body()).contains("\"items\":[]");
        assertThat(send(HttpRequest.newBuilder(base.resolve("api/v1/me/applications")).GET()).statusCode()).isEqualTo(401);

        HttpResponse<String> retired = post("api/v1/catalog/services/SAFP-RECRUIT/retire", "", "editor");
        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(search("recruitment").body()).contains("\"total\":0");
        assertThat(send(HttpRequest.newBuilder(base.resolve("api/v1/catalog/services/SAFP-RECRUIT")).GET()).statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> search(String q) {
        return send(HttpRequest.newBuilder(base.resolve("api/v1/catalog/services?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET());
    }

    private HttpResponse<String> post(String path, String json, String user) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + user)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
