package io.gcam.rest.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.Actor;
import io.gcam.core.GcamLocales;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.notification.Channel;
import io.gcam.notification.InboxChannel;
import io.gcam.notification.NotificationRequest;
import io.gcam.notification.NotificationService;
import io.gcam.notification.NotificationTemplate;
import io.gcam.notification.NotificationTemplates;
import io.gcam.notification.NotificationWorker;
import io.gcam.notification.jdbc.JdbcInboxStore;
import io.gcam.notification.jdbc.JdbcOutboxStore;
import io.gcam.rest.GcamRestFeature;
import io.gcam.rest.UnauthenticatedException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationResourcesTest {

    static final NotificationTemplate RECEIVED = NotificationTemplate.builder("registration-received").version(3)
            .email(GcamLocales.ENGLISH, "Registration ((number)) received", "Dear ((name)), we received ((number)).",
                    "<p>Dear ((name)), we received <b>((number))</b>.</p>")
            .inApp(GcamLocales.ENGLISH, "We received registration ((number)).")
            .inApp(GcamLocales.TRADITIONAL_CHINESE, "我們已收到報名 ((number))。")
            .build();

    final ObjectMapper json = new ObjectMapper();
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpServer server;
    URI base;
    NotificationService service;
    NotificationWorker worker;

    @BeforeEach
    void start() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:notification-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(h2, "notification");
        LocalTransactions tx = LocalTransactions.over(h2);
        JdbcOutboxStore outbox = JdbcOutboxStore.create(tx.dataSource());
        JdbcInboxStore inbox = JdbcInboxStore.create(tx.dataSource());
        service = NotificationService.builder().store(outbox).inbox(inbox).templates(NotificationTemplates.of(RECEIVED))
                .transactions(tx).build();
        worker = NotificationWorker.builder().store(outbox).channel(InboxChannel.over(inbox)).transactions(tx).build();
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(GcamRestFeature.builder().actorResolver(request -> {
                    String auth = request.getHeaderString("Authorization");
                    if (auth == null) {
                        return Optional.empty();
                    }
                    return switch (auth) {
                        case "Bearer alice" -> Optional.of(Actor.applicant("alice"));
                        case "Bearer bob" -> Optional.of(Actor.applicant("bob"));
                        case "Bearer rita" -> Optional.of(Actor.staff("rita", "SAFP", "REVIEWER"));
                        case "Bearer ada" -> Optional.of(Actor.staff("ada", "SAFP",
                                NotificationService.ROLE_NOTIFICATION_ADMIN));
                        case "Bearer otto" -> Optional.of(Actor.staff("otto", "DSAL", "REVIEWER"));
                        default -> throw new UnauthenticatedException();
                    };
                }).build())
                .registerInstances(NotificationResources.create(service));
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
        base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    String sendEmail(String reference) {
        return service.send(Actor.system("test"), NotificationRequest.builder(RECEIVED.id())
                .toEmail("alice.chan@example.org").value("name", "Alice").value("number", "R-1")
                .reference(reference).agency("SAFP").build()).id();
    }

    HttpResponse<String> call(String method, String path, String user, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + user)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    String problemCode(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return json.readTree(response.body()).get("code").asText();
    }

    @Test
    void listsNotificationsByReferenceForStaffOfTheSendingAgencyOnly() throws Exception {
        String id = sendEmail("REC-7");
        sendEmail("REC-8");

        JsonNode list = ok(call("GET", "api/v1/notifications?reference=REC-7", "rita", null), 200);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.get(0).get("status").asText()).isEqualTo("created");
        assertThat(list.get(0).get("templateVersion").asInt()).isEqualTo(3);
        assertThat(list.get(0).get("recipient").asText()).isEqualTo("a***@example.org");
        assertThat(ok(call("GET", "api/v1/notifications?reference=REC-7", "otto", null), 200)).isEmpty();
        assertThat(problemCode(call("GET", "api/v1/notifications?reference=REC-7", "alice", null), 403))
                .isEqualTo("ACCESS_DENIED");
        assertThat(problemCode(call("GET", "api/v1/notifications", "rita", null), 400)).isEqualTo("VALIDATION_FAILED");
        assertThat(call("GET", "api/v1/notifications?reference=REC-7", "nobody", null).statusCode()).isEqualTo(401);
    }

    @Test
    void showsOneNotificationToItsAgencyAndHidesItFromOthers() throws Exception {
        String id = sendEmail("REC-9");

        assertThat(ok(call("GET", "api/v1/notifications/" + id, "rita", null), 200).get("channel").asText())
                .isEqualTo("EMAIL");
        assertThat(problemCode(call("GET", "api/v1/notifications/" + id, "otto", null), 404))
                .isEqualTo("NOTIFICATION_NOT_FOUND");
    }

    @Test
    void retriesOnlyFailedNotificationsAndOnlyForAdministrators() throws Exception {
        String id = sendEmail("REC-10");

        assertThat(problemCode(call("POST", "api/v1/notifications/" + id + "/retry", "rita", null), 403))
                .isEqualTo("ACCESS_DENIED");
        assertThat(problemCode(call("POST", "api/v1/notifications/" + id + "/retry", "ada", null), 409))
                .isEqualTo("NOTIFICATION_NOT_RETRYABLE");
    }

    @Test
    void previewsATemplateForAdministratorsAndRefusesMissingValues() throws Exception {
        JsonNode preview = ok(call("POST", "api/v1/notification-templates/registration-received/preview", "ada",
                "{\"channel\":\"email\",\"language\":\"en\",\"values\":{\"name\":\"<Ann>\",\"number\":\"R-2\"}}"), 200);

        assertThat(preview.get("subject").asText()).isEqualTo("Registration R-2 received");
        assertThat(preview.get("html").asText()).contains("&lt;Ann&gt;").doesNotContain("<Ann>");
        assertThat(preview.get("templateVersion").asInt()).isEqualTo(3);
        assertThat(problemCode(call("POST", "api/v1/notification-templates/registration-received/preview", "ada",
                "{\"channel\":\"EMAIL\",\"values\":{\"name\":\"Ann\"}}"), 400)).isEqualTo("PLACEHOLDER_VALUE_MISSING");
        assertThat(problemCode(call("POST", "api/v1/notification-templates/registration-received/preview", "rita",
                "{\"channel\":\"EMAIL\"}"), 403)).isEqualTo("ACCESS_DENIED");
        assertThat(problemCode(call("POST", "api/v1/notification-templates/no-such/preview", "ada",
                "{\"channel\":\"EMAIL\"}"), 404)).isEqualTo("TEMPLATE_NOT_FOUND");
    }

    @Test
    void servesTheApplicantsInboxAndMarksMessagesRead() throws Exception {
        service.send(Actor.system("test"), NotificationRequest.builder(RECEIVED.id()).toSubject("alice")
                .channel(Channel.IN_APP).locale(GcamLocales.TRADITIONAL_CHINESE).value("name", "Alice")
                .value("number", "R-3").agency("SAFP").build());
        worker.drain();

        JsonNode page = ok(call("GET", "api/v1/me/inbox", "alice", null), 200);
        assertThat(page.get("items")).hasSize(1);
        JsonNode message = page.get("items").get(0);
        assertThat(message.get("text").asText()).isEqualTo("我們已收到報名 R-3。");
        assertThat(message.hasNonNull("readAt")).isFalse();
        String id = message.get("id").asText();

        assertThat(problemCode(call("POST", "api/v1/me/inbox/" + id + "/read", "bob", null), 404))
                .isEqualTo("NOTIFICATION_NOT_FOUND");
        assertThat(call("POST", "api/v1/me/inbox/" + id + "/read", "alice", null).statusCode()).isEqualTo(204);
        assertThat(ok(call("GET", "api/v1/me/inbox", "alice", null), 200).get("items").get(0).hasNonNull("readAt"))
                .isTrue();
        assertThat(ok(call("GET", "api/v1/me/inbox", "bob", null), 200).get("items")).isEmpty();
        assertThat(problemCode(call("GET", "api/v1/me/inbox", "rita", null), 403)).isEqualTo("ACCESS_DENIED");
    }
}
