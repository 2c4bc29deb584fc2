package io.gcam.rest.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.LocalizedText;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.records.Classification;
import io.gcam.records.ManagedRecord;
import io.gcam.records.NewRecord;
import io.gcam.records.RecordsRoles;
import io.gcam.records.RecordsService;
import io.gcam.records.SecurityLevel;
import io.gcam.records.jdbc.JdbcRecordStore;
import io.gcam.records.spi.ContentInfo;
import io.gcam.records.spi.ContentStore;
import io.gcam.rest.GcamRestFeature;
import io.gcam.rest.UnauthenticatedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The records API over real HTTP on Jersey and Grizzly, with the JDBC store on H2. */
class RecordResourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Actor OFFICER = Actor.staff("officer", "SAFP", RecordsRoles.RECORDS_OFFICER,
            RecordsRoles.CLEARANCE_SECRET);
    private static HttpServer server;
    private static URI base;
    private static RecordsService records;

    @BeforeAll
    static void start() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:records-rest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(dataSource, "core");
        Migrations.migrate(dataSource, "records");
        LocalTransactions tx = LocalTransactions.over(dataSource);
        records = RecordsService.builder()
                .store(JdbcRecordStore.create(tx.dataSource()))
                .contents(new ContentStore() {
                    @Override
                    public Optional<ContentInfo> describe(String contentId) {
                        return Optional.empty();
                    }

                    @Override
                    public InputStream open(String contentId) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public void delete(String contentId) {
                    }
                })
                .references(ReferenceNumberGenerator.builder().name("record").format("RM-[cy:yyyy]-[SEQ:6]")
                        .store(JdbcSequenceStore.create(dataSource)).build())
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                .events(SynchronousEventPublisher.create())
                .transactions(tx)
                .build();
        records.defineClassification(OFFICER, new Classification("SAFP", "HR", LocalizedText.english("HR"), null, null));
        ResourceConfig config = new ResourceConfig()
                .register(GcamRestFeature.builder()
                        .actorResolver(request -> {
                            String auth = request.getHeaderString("Authorization");
                            if (auth == null) {
                                return Optional.empty();
                            }
                            return switch (auth) {
                                case "Bearer clerk" -> Optional.of(Actor.staff("clerk", "SAFP"));
                                case "Bearer officer" -> Optional.of(OFFICER);
                                case "Bearer dsal" -> Optional.of(Actor.staff("dsal", "DSAL",
                                        RecordsRoles.department("ARCHIVE")));
                                default -> throw new UnauthenticatedException();
                            };
                        })
                        .idempotentExecutor(IdempotentExecutor.builder()
                                .store(new JdbcIdempotencyStore(dataSource)).build())
                        .authenticationChallenge("Bearer realm=\"test\"")
                        .build())
                .registerInstances(RecordResources.create(records).resources())
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
        base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    private static ManagedRecord register(String title, SecurityLevel level) {
        return records.register(OFFICER, NewRecord.builder(LocalizedText.english(title), "HR").department("HR")
                .securityLevel(level).keywords("rest").build());
    }

    @Test
    void aConfidentialRecordIsNotFoundForAnUnclearedReaderExactlyLikeAMissingOne() {
        ManagedRecord secret = register("Confidential memo", SecurityLevel.CONFIDENTIAL);

        HttpResponse<String> hidden = send("GET", "api/v1/records/" + secret.id(), null, "Authorization", "Bearer clerk");
        String missingId = UUID.randomUUID().toString();
        HttpResponse<String> missing = send("GET", "api/v1/records/" + missingId, null, "Authorization", "Bearer clerk");

        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(hidden).at("/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(hidden.body().replace(secret.id().value(), "ID")).isEqualTo(missing.body().replace(missingId, "ID"));
        assertThat(send("GET", "api/v1/records/" + secret.id() + "/custody", null, "Authorization", "Bearer clerk")
                .statusCode()).isEqualTo(404);
        assertThat(send("GET", "api/v1/records/" + secret.id(), null, "Authorization", "Bearer officer").statusCode())
                .isEqualTo(200);
    }

    @Test
    void searchesWithPagingAndNeverCountsHiddenRecords() {
        String keyword = "batch" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            records.register(OFFICER, NewRecord.builder(LocalizedText.english("Visible " + i), "HR").keywords(keyword).build());
        }
        records.register(OFFICER, NewRecord.builder(LocalizedText.english("Hidden"), "HR").keywords(keyword)
                .securityLevel(SecurityLevel.SECRET).build());

        HttpResponse<String> page = send("GET", "api/v1/records?keyword=" + keyword + "&size=2", null,
                "Authorization", "Bearer clerk");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(json(page).at("/total").asLong()).isEqualTo(3);
        assertThat(json(page).at("/items")).hasSize(2);
        assertThat(page.body()).doesNotContain("Hidden");
        assertThat(json(send("GET", "api/v1/records?keyword=" + keyword, null, "Authorization", "Bearer officer"))
                .at("/total").asLong()).isEqualTo(4);
        assertThat(send("GET", "api/v1/records?status=nonsense", null, "Authorization", "Bearer clerk").statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "api/v1/records", null).statusCode()).isEqualTo(401);
    }

    @Test
    void sendsATransferOncePerIdempotencyKeyAndTheReceiverAcknowledgesIt() {
        ManagedRecord record = register("Personnel file", SecurityLevel.INTERNAL);
        String key = UUID.randomUUID().toString();
        String body = "{\"toAgency\":\"DSAL\",\"toDepartment\":\"ARCHIVE\",\"note\":\"for the appeal\"}";

        HttpResponse<String> sent = send("POST", "api/v1/records/" + record.id() + "/transfers", body,
                "Authorization", "Bearer clerk", "Idempotency-Key", key);
        HttpResponse<String> replay = send("POST", "api/v1/records/" + record.id() + "/transfers", body,
                "Authorization", "Bearer clerk", "Idempotency-Key", key);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        String transferId = json(sent).at("/id").asText();
        assertThat(json(replay).at("/id").asText()).isEqualTo(transferId);
        assertThat(json(sent).at("/status").asText()).isEqualTo("PENDING");
        HttpResponse<String> pending = send("GET", "api/v1/transfers", null, "Authorization", "Bearer dsal");
        assertThat(json(pending).findValuesAsText("id")).contains(transferId);

        HttpResponse<String> acknowledged = send("POST", "api/v1/transfers/" + transferId + "/acknowledge", null,
                "Authorization", "Bearer dsal");
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        assertThat(json(acknowledged).at("/status").asText()).isEqualTo("ACKNOWLEDGED");
        HttpResponse<String> again = send("POST", "api/v1/transfers/" + transferId + "/acknowledge", null,
                "Authorization", "Bearer dsal");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).at("/code").asText()).isEqualTo("TRANSFER_NOT_PENDING");

        HttpResponse<String> custody = send("GET", "api/v1/records/" + record.id() + "/custody", null,
                "Authorization", "Bearer dsal");
        assertThat(custody.statusCode()).as(custody.body()).isEqualTo(200);
        assertThat(json(custody).at("/events").findValuesAsText("action")).containsExactly("record.registered",
                "record.transfer_sent", "record.transfer_acknowledged");
        assertThat(json(custody).at("/events/1/details/to").asText()).isEqualTo("DSAL/ARCHIVE");
        HttpResponse<String> verification = send("GET", "api/v1/records/" + record.id() + "/custody/verification", null,
                "Authorization", "Bearer dsal");
        assertThat(json(verification).at("/ok").asBoolean()).isTrue();
        assertThat(json(verification).at("/entriesChecked").asLong()).isEqualTo(3);
        assertThat(json(send("GET", "api/v1/records/" + record.id(), null, "Authorization", "Bearer dsal"))
                .at("/custodianAgency").asText()).isEqualTo("DSAL");
    }

    @Test
    void refusesATransferWithoutAReceiver() {
        ManagedRecord record = register("File", SecurityLevel.INTERNAL);
        HttpResponse<String> refused = send("POST", "api/v1/records/" + record.id() + "/transfers", "{\"note\":\"x\"}",
                "Authorization", "Bearer clerk", "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }
}
