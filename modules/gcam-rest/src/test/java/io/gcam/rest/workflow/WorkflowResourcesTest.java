package io.gcam.rest.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.rest.ClientAddress;
import io.gcam.rest.GcamRestFeature;
import io.gcam.rest.UnauthenticatedException;
import io.gcam.workflow.StatusInquiries;
import io.gcam.workflow.WorkflowDefinition;
import io.gcam.workflow.WorkflowDefinitions;
import io.gcam.workflow.WorkflowService;
import io.gcam.workflow.jdbc.JdbcApplicationStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workflow API over real HTTP on Jersey and Grizzly, with the JDBC store on H2. */
class WorkflowResourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for the socket's remote address: every test request comes from 127.0.0.1. */
    private static final String PEER = "Test-Peer";
    private static final String PROXY = "10.1.1.1";
    private static HttpServer server;
    private static URI base;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:workflow-rest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(dataSource, "core");
        Migrations.migrate(dataSource, "workflow");
        LocalTransactions tx = LocalTransactions.over(dataSource);
        WorkflowService workflow = WorkflowService.builder()
                .definitions(WorkflowDefinitions.of(WorkflowDefinition.fromResource(
                        WorkflowResourcesTest.class.getClassLoader(), "workflows/recruitment-v1.json")))
                .store(JdbcApplicationStore.create(tx.dataSource()))
                .referenceNumbers(ReferenceNumberGenerator.builder().name("application")
                        .format("REC-[cy:yyyy]-[SEQ:6]-[CHK]").store(JdbcSequenceStore.create(dataSource)).build())
                .transactions(tx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                .events(SynchronousEventPublisher.create())
                .build();
        StatusInquiries inquiries = StatusInquiries.builder().workflow(workflow).maxFailures(3).build();
        ResourceConfig config = new ResourceConfig()
                .register(GcamRestFeature.builder()
                        .actorResolver(request -> {
                            String auth = request.getHeaderString("Authorization");
                            if (auth == null) {
                                return Optional.empty();
                            }
                            return switch (auth) {
                                case "Bearer alice" -> Optional.of(Actor.applicant("alice"));
                                case "Bearer bob" -> Optional.of(Actor.applicant("bob"));
                                case "Bearer sam" -> Optional.of(Actor.staff("sam", "SAFP", "SCREENER"));
                                default -> throw new UnauthenticatedException();
                            };
                        })
                        .idempotentExecutor(IdempotentExecutor.builder()
                                .store(new JdbcIdempotencyStore(dataSource)).build())
                        .authenticationChallenge("Bearer realm=\"test\"")
                        .build())
                .register(new TestPeerFilter())
                .registerInstances(WorkflowResources.create(workflow, inquiries,
                        ClientAddress.trustingProxies(List.of(PROXY))).resources())
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
        base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
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

    private static JsonNode submit() {
        HttpResponse<String> created = send("POST", "api/v1/applications",
                "{\"type\":\"recruitment\",\"agency\":\"SAFP\",\"formData\":{\"post\":\"clerk\"}}",
                "Authorization", "Bearer alice", "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    @Test
    void submitsActsAndShowsStaffTheHistoryAndTheApplicantOnlyThePublicTimeline() {
        JsonNode submission = submit();
        String id = submission.at("/application/id").asText();
        assertThat(submission.at("/application/status/en").asText()).isEqualTo("Received");
        assertThat(submission.at("/application/formData/post").asText()).isEqualTo("clerk");
        assertThat(submission.at("/accessCode").asText()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

        HttpResponse<String> acted = send("POST", "api/v1/applications/" + id + "/actions/start_screening",
                "{\"comment\":\"internal: verify diploma\",\"expectedVersion\":1}", "Authorization", "Bearer sam");
        assertThat(acted.statusCode()).as(acted.body()).isEqualTo(200);
        assertThat(json(acted).at("/state").asText()).isEqualTo("screening");
        assertThat(json(acted).at("/version").asLong()).isEqualTo(2);

        HttpResponse<String> stale = send("POST", "api/v1/applications/" + id + "/actions/invite_to_interview",
                "{\"expectedVersion\":1}", "Authorization", "Bearer sam");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).at("/code").asText()).isEqualTo("CONFLICT");

        HttpResponse<String> staffHistory = send("GET", "api/v1/applications/" + id + "/history", null,
                "Authorization", "Bearer sam");
        assertThat(json(staffHistory)).hasSize(2);
        assertThat(json(staffHistory).get(1).at("/comment").asText()).isEqualTo("internal: verify diploma");

        HttpResponse<String> applicantHistory = send("GET", "api/v1/applications/" + id + "/history", null,
                "Authorization", "Bearer alice");
        assertThat(applicantHistory.statusCode()).isEqualTo(200);
        assertThat(json(applicantHistory).at("/status/en").asText()).isEqualTo("Under review");
        assertThat(applicantHistory.body()).doesNotContain("internal", "sam");

        HttpResponse<String> applicantView = send("GET", "api/v1/applications/" + id, null,
                "Authorization", "Bearer alice");
        assertThat(json(applicantView).at("/actions").toString()).isEqualTo("[\"withdraw\"]");
        assertThat(send("GET", "api/v1/applications/" + id, null, "Authorization", "Bearer bob").statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "api/v1/applications/" + id + "/actions/approve", "{}", "Authorization",
                "Bearer sam").statusCode()).as("the panel's action").isEqualTo(403);
        HttpResponse<String> again = send("POST", "api/v1/applications/" + id + "/actions/start_screening", "{}",
                "Authorization", "Bearer sam");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).at("/code").asText()).isEqualTo("WORKFLOW_ACTION_NOT_AVAILABLE");
    }

    @Test
    void listsTheInboxForStaffOnly() {
        submit();
        HttpResponse<String> inbox = send("GET", "api/v1/inbox?state=submitted&size=5", null,
                "Authorization", "Bearer sam");
        assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
        assertThat(json(inbox).at("/total").asLong()).isPositive();
        assertThat(json(inbox).at("/countsByState/submitted").asLong()).isPositive();
        assertThat(send("GET", "api/v1/inbox", null, "Authorization", "Bearer alice").statusCode()).isEqualTo(403);
        assertThat(send("GET", "api/v1/inbox", null).statusCode()).isEqualTo(401);
    }

    @Test
    void answersStatusInquiriesWithoutLoginAndTheSameWayForAnyWrongInput() {
        JsonNode submission = submit();
        String reference = submission.at("/application/referenceNumber").asText();
        String code = submission.at("/accessCode").asText();
        HttpResponse<String> ok = send("POST", "api/v1/status-inquiries",
                "{\"referenceNumber\":\"" + reference + "\",\"accessCode\":\"" + code + "\"}",
                PEER, "10.0.0.1");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).at("/status/en").asText()).isEqualTo("Received");

        HttpResponse<String> wrongCode = send("POST", "api/v1/status-inquiries",
                "{\"referenceNumber\":\"" + reference + "\",\"accessCode\":\"AAAAA-AAAAA\"}",
                PEER, "10.0.0.2");
        HttpResponse<String> wrongReference = send("POST", "api/v1/status-inquiries",
                "{\"referenceNumber\":\"REC-2026-999999-00\",\"accessCode\":\"" + code + "\"}",
                PEER, "10.0.0.3");
        assertThat(wrongCode.statusCode()).isEqualTo(404);
        assertThat(wrongReference.statusCode()).isEqualTo(404);
        assertThat(json(wrongCode).at("/code").asText()).isEqualTo("WORKFLOW_INQUIRY_FAILED");
        assertThat(json(wrongReference).at("/detail")).isEqualTo(json(wrongCode).at("/detail"));
    }

    @Test
    void answersStatusInquiriesByReferenceAndDateOfBirth() {
        HttpResponse<String> created = send("POST", "api/v1/applications",
                "{\"type\":\"recruitment\",\"agency\":\"SAFP\",\"formData\":{},\"dateOfBirth\":\"1990-05-17\"}",
                "Authorization", "Bearer alice", "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reference = json(created).at("/application/referenceNumber").asText();

        HttpResponse<String> ok = send("POST", "api/v1/status-inquiries",
                "{\"referenceNumber\":\"" + reference + "\",\"dateOfBirth\":\"1990-05-17\"}",
                PEER, "10.0.0.7");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).at("/referenceNumber").asText()).isEqualTo(reference);

        HttpResponse<String> wrongDate = send("POST", "api/v1/status-inquiries",
                "{\"referenceNumber\":\"" + reference + "\",\"dateOfBirth\":\"1990-05-18\"}",
                PEER, "10.0.0.8");
        assertThat(wrongDate.statusCode()).isEqualTo(404);
        assertThat(json(wrongDate).at("/code").asText()).isEqualTo("WORKFLOW_INQUIRY_FAILED");
    }

    /** The container adapter of this test: the peer address comes from a test header. */
    @PreMatching
    static final class TestPeerFilter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            String peer = request.getHeaderString(PEER);
            if (peer != null) {
                request.setProperty(ClientAddress.PROPERTY, peer);
            }
        }
    }

    private static HttpResponse<String> inquire(String reference, String code, String... headers) {
        return send("POST", "api/v1/status-inquiries",
                "{\"referenceNumber\":\"" + reference + "\",\"accessCode\":\"" + code + "\"}", headers);
    }

    private static void failThreeTimes(String... headers) {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = inquire("REC-2026-" + UUID.randomUUID().toString().substring(0, 6) + "-00",
                    "AAAAA-AAAAA", headers);
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(404);
        }
    }

    @Test
    void ignoresAForwardedForHeaderFromAnUntrustedPeer() {
        JsonNode submission = submit();
        String reference = submission.at("/application/referenceNumber").asText();
        String code = submission.at("/accessCode").asText();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = inquire("REC-2026-" + UUID.randomUUID().toString().substring(0, 6) + "-00",
                    "AAAAA-AAAAA", PEER, "10.2.0.1", "X-Forwarded-For", "192.0.2." + i);
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(404);
        }
        HttpResponse<String> limited = inquire(reference, code, PEER, "10.2.0.1", "X-Forwarded-For", "192.0.2.99");
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(422);
        assertThat(json(limited).at("/code").asText()).isEqualTo("WORKFLOW_INQUIRY_LIMITED");
    }

    @Test
    void limitsEachClientInItsOwnBucket() {
        JsonNode submission = submit();
        String reference = submission.at("/application/referenceNumber").asText();
        String code = submission.at("/accessCode").asText();
        failThreeTimes(PEER, "10.2.0.2");
        assertThat(inquire(reference, code, PEER, "10.2.0.2").statusCode()).isEqualTo(422);

        HttpResponse<String> other = inquire(reference, code, PEER, "10.2.0.3");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    }

    @Test
    void takesTheClientAddressFromTheForwardedForHeaderOfATrustedProxy() {
        JsonNode submission = submit();
        String reference = submission.at("/application/referenceNumber").asText();
        String code = submission.at("/accessCode").asText();
        failThreeTimes(PEER, PROXY, "X-Forwarded-For", "10.3.0.1");

        HttpResponse<String> sameClient = inquire(reference, code, PEER, PROXY, "X-Forwarded-For", "10.3.0.1");
        assertThat(sameClient.statusCode()).as(sameClient.body()).isEqualTo(422);
        HttpResponse<String> spoofedThroughProxy = inquire(reference, code, PEER, PROXY,
                "X-Forwarded-For", "10.3.0.99, 10.3.0.1");
        assertThat(spoofedThroughProxy.statusCode()).as(spoofedThroughProxy.body()).isEqualTo(422);
        HttpResponse<String> otherClient = inquire(reference, code, PEER, PROXY, "X-Forwarded-For", "10.3.0.2");
        assertThat(otherClient.statusCode()).as(otherClient.body()).isEqualTo(200);
    }

    @Test
    void refusesStatusInquiriesWhenTheContainerDoesNotSayWhoTheClientIs() {
        HttpResponse<String> response = inquire("REC-2026-000001-00", "AAAAA-AAAAA");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(json(response).at("/code").asText()).isEqualTo("CONFIGURATION_INVALID");
    }

    @Test
    void listsApplicationsNearingTheirDueDateForStaffOnly() {
        String reference = submit().at("/application/referenceNumber").asText();
        HttpResponse<String> sla = send("GET", "api/v1/inbox/sla?workingDays=5", null, "Authorization", "Bearer sam");
        assertThat(sla.statusCode()).as(sla.body()).isEqualTo(200);
        assertThat(json(sla).at("/nearing").findValuesAsText("referenceNumber")).contains(reference);
        assertThat(json(sla).at("/breached").isArray()).isTrue();
        assertThat(send("GET", "api/v1/inbox/sla", null, "Authorization", "Bearer alice").statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "api/v1/inbox/sla?limit=0", null, "Authorization", "Bearer sam").statusCode())
                .isEqualTo(400);
    }
}
