package io.gcam.rest.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.DomainEvent;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.LocalizedText;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.registration.Activity;
import io.gcam.registration.ActivityDefinition;
import io.gcam.registration.RegistrationService;
import io.gcam.registration.SessionDefinition;
import io.gcam.registration.jdbc.JdbcRegistrationStore;
import io.gcam.rest.GcamRestFeature;
import java.io.IOException;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registration API over real HTTP, on a real service and H2 database. */
class RegistrationResourcesTest {

    private static final Instant NOW = Instant.parse("2026-03-05T02:00:00Z");
    private static final Actor RITA = Actor.staff("rita", "SAFP", RegistrationService.ADMIN);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer server;
    private URI base;
    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private RegistrationService service;
    private Activity exam;

    @BeforeEach
    void start() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rest-reg-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(ds, "core");
        Migrations.migrate(ds, "registration");
        LocalTransactions tx = LocalTransactions.over(ds);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        IdempotentExecutor idempotency = IdempotentExecutor.builder().store(new JdbcIdempotencyStore(ds)).clock(clock)
                .build();
        service = RegistrationService.builder()
                .store(new JdbcRegistrationStore(tx.dataSource()))
                .transactions(tx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                .events(events::add)
                .candidateNumbers(ReferenceNumberGenerator.builder().name("candidate").format("EX-[SEQ:4]-[CHK]")
                        .store(JdbcSequenceStore.joining(tx.dataSource())).clock(clock).build())
                .clock(clock)
                .build();
        exam = service.createActivity(RITA, ActivityDefinition.builder()
                .agency("SAFP")
                .title(LocalizedText.of("Unified exam", "統一招聘考試", "Concurso"))
                .session(new SessionDefinition(LocalizedText.of("Hall", "禮堂", "Salão"),
                        NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30)).plusSeconds(7200), 1))
                .registrationWindow(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(10)))
                .cancellationDeadline(NOW.plus(Duration.ofDays(20)))
                .build());
        service.open(RITA, exam.id());
        ResourceConfig config = new ResourceConfig()
                .register(GcamRestFeature.builder()
                        .actorResolver(request -> Optional.ofNullable(request.getHeaderString("Authorization"))
                                .map(auth -> switch (auth) {
                                    case "Bearer rita" -> RITA;
                                    case "Bearer other" -> Actor.staff("otto", "DSEDJ", RegistrationService.ADMIN);
                                    case "Bearer olga" -> Actor.staff("olga", "SAFP", RegistrationService.OFFICER);
                                    default -> Actor.applicant(auth.substring("Bearer ".length()));
                                }))
                        .idempotentExecutor(idempotency)
                        .build())
                .registerInstances(RegistrationResources.create(service))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
        base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void registersWith201ThenAnswersConflictsAsProblems() {
        String path = "api/v1/activities/" + exam.id().value() + "/registrations";
        String body = "{\"sessionId\":\"" + exam.sessions().get(0).id().value() + "\"}";

        HttpResponse<String> created = post(path, body, "alice");
        HttpResponse<String> again = post(path, body, "alice");
        HttpResponse<String> full = post(path, body, "bob");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"status\":\"CONFIRMED\"").contains("\"candidateNumber\":\"EX-0001-")
                .doesNotContain("waitlistPosition").doesNotContain("alice");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/api/v1/registrations/"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(again.body()).contains("\"code\":\"ALREADY_REGISTERED\"");
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.body()).contains("\"code\":\"REGISTRATION_FULL\"");
    }

    @Test
    void replaysARegistrationForTheSameIdempotencyKey() {
        String path = "api/v1/activities/" + exam.id().value() + "/registrations";
        String body = "{\"sessionId\":\"" + exam.sessions().get(0).id().value() + "\"}";
        HttpResponse<String> first = post(path, body, "alice", "Idempotency-Key", "k-1");
        HttpResponse<String> retry = post(path, body, "alice", "Idempotency-Key", "k-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void applicantsListAndCancelTheirOwnRegistrations() {
        String id = post("api/v1/activities/" + exam.id().value() + "/registrations",
                "{\"sessionId\":\"" + exam.sessions().get(0).id().value() + "\"}", "alice").body()
                .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(get("api/v1/me/registrations", "alice").body()).contains(id).contains("\"total\":1");
        assertThat(get("api/v1/me/registrations", "bob").body()).contains("\"total\":0");
        assertThat(delete("api/v1/registrations/" + id, "bob").statusCode()).isEqualTo(404);
        HttpResponse<String> cancelled = delete("api/v1/registrations/" + id, "alice");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"status\":\"CANCELLED\"");
        assertThat(delete("api/v1/registrations/" + id, "alice").body()).contains("REGISTRATION_NOT_ACTIVE");
    }

    @Test
    void staffExportCsvWithBomAndOthersAreRefused() throws Exception {
        post("api/v1/activities/" + exam.id().value() + "/registrations",
                "{\"sessionId\":\"" + exam.sessions().get(0).id().value() + "\"}", "alice");
        HttpResponse<byte[]> csv = client.send(request("api/v1/activities/" + exam.id().value() + "/registrations.csv",
                "rita").header("Accept-Language", "zh-Hant-MO").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        byte[] bytes = csv.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("准考證編號").contains("alice").contains("禮堂");
        assertThat(get("api/v1/activities/" + exam.id().value() + "/registrations.csv", "alice").statusCode()).isEqualTo(403);
        assertThat(get("api/v1/activities/" + exam.id().value() + "/registrations.csv", "other").statusCode()).isEqualTo(403);
        assertThat(get("api/v1/activities/" + exam.id().value() + "/counts", "rita").body())
                .isEqualTo("{\"confirmed\":1,\"waitlisted\":0,\"cancelled\":0}");
    }

    @Test
    void adminsCreateActivitiesAndBadInputIsA400Problem() {
        String json = "{\"agency\":\"SAFP\",\"title\":{\"en\":\"Briefing\"},\"category\":\"BRIEFING\","
                + "\"sessions\":[{\"venue\":{\"en\":\"Room 1\"},\"startsAt\":\"2026-05-01T01:00:00Z\","
                + "\"endsAt\":\"2026-05-01T02:00:00Z\",\"capacity\":30}],"
                + "\"registrationOpens\":\"2026-03-01T00:00:00Z\",\"registrationCloses\":\"2026-04-01T00:00:00Z\","
                + "\"cancellationDeadline\":\"2026-04-15T00:00:00Z\",\"waitlistMaxLength\":10}";
        HttpResponse<String> created = post("api/v1/activities", json, "rita");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"status\":\"DRAFT\"").contains("\"waitlistEnabled\":true");
        assertThat(post("api/v1/activities", json, "alice").statusCode()).isEqualTo(403);
        HttpResponse<String> bad = post("api/v1/activities", json.replace("\"capacity\":30", "\"capacity\":0"), "rita");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("sessions[0].capacity");
        assertThat(get("api/v1/activities", "alice").body()).contains(exam.id().value()).doesNotContain("Briefing");
    }

    // ------------------------------------------------------------------ session change

    @Test
    void applicantsChangeSessionAndTheirOldSeatGoesToTheFirstWaitlisted() {
        Activity twoHalls = twoHalls();
        String a = twoHalls.sessions().get(0).id().value();
        String b = twoHalls.sessions().get(1).id().value();
        String alice = register(twoHalls, a, "alice");
        String bob = register(twoHalls, a, "bob");
        assertThat(get("api/v1/registrations/" + bob, "bob").body()).contains("\"status\":\"WAITLISTED\"");
        String number = get("api/v1/registrations/" + alice, "alice").body()
                .replaceAll(".*\"candidateNumber\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> moved = post("api/v1/registrations/" + alice + "/session-change",
                "{\"sessionId\":\"" + b + "\"}", "alice");

        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("\"sessionId\":\"" + b + "\"").contains("\"status\":\"CONFIRMED\"")
                .contains("\"candidateNumber\":\"" + number + "\"").doesNotContain("alice").doesNotContain(bob);
        assertThat(get("api/v1/registrations/" + bob, "bob").body()).contains("\"status\":\"CONFIRMED\"")
                .contains("\"sessionId\":\"" + a + "\"");
        assertThat(events).extracting(DomainEvent::type).endsWith("registration.session_changed", "registration.promoted");
    }

    @Test
    void sessionChangesAreRefusedAsProblemsAndChangeNothing() {
        Activity twoHalls = twoHalls();
        String a = twoHalls.sessions().get(0).id().value();
        String b = twoHalls.sessions().get(1).id().value();
        register(twoHalls, b, "alice");
        register(twoHalls, a, "bob");
        String carol = register(twoHalls, a, "carol");
        String path = "api/v1/registrations/" + carol + "/session-change";

        HttpResponse<String> full = post(path, "{\"sessionId\":\"" + b + "\"}", "carol", "Accept-Language", "zh-Hant");
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(full.body()).contains("\"code\":\"REGISTRATION_FULL\"").contains("此場次已滿");
        HttpResponse<String> same = post(path, "{\"sessionId\":\"" + a + "\"}", "carol");
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(same.body()).contains("\"code\":\"VALIDATION_FAILED\"").contains("sessionId");
        assertThat(post(path, "{}", "carol").statusCode()).isEqualTo(400);
        assertThat(post(path, "{\"sessionId\":\"" + exam.sessions().get(0).id().value() + "\"}", "carol").statusCode())
                .as("a session of another activity").isEqualTo(400);
        assertThat(post(path, "{\"sessionId\":\"" + b + "\"}", "dave").statusCode()).as("another applicant's").isEqualTo(404);
        assertThat(post(path, "{\"sessionId\":\"" + b + "\"}", "other").statusCode()).isEqualTo(403);
        assertThat(get("api/v1/registrations/" + carol, "carol").body()).contains("\"status\":\"WAITLISTED\"")
                .contains("\"sessionId\":\"" + a + "\"");
    }

    @Test
    void onceRegistrationClosesOnlyStaffChangeSessionsAndARetryWithTheSameKeyIsReplayed() {
        Activity twoHalls = twoHalls();
        String a = twoHalls.sessions().get(0).id().value();
        String b = twoHalls.sessions().get(1).id().value();
        String alice = register(twoHalls, a, "alice");
        service.close(RITA, twoHalls.id());
        String path = "api/v1/registrations/" + alice + "/session-change";
        String body = "{\"sessionId\":\"" + b + "\"}";

        HttpResponse<String> closed = post(path, body, "alice");
        assertThat(closed.statusCode()).isEqualTo(422);
        assertThat(closed.body()).contains("\"code\":\"REGISTRATION_CLOSED\"");
        HttpResponse<String> first = post(path, body, "olga", "Idempotency-Key", "move-1");
        HttpResponse<String> retry = post(path, body, "olga", "Idempotency-Key", "move-1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"applicantId\":\"alice\"").contains("\"sessionId\":\"" + b + "\"");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(events.stream().filter(e -> e.type().equals("registration.session_changed"))).hasSize(1);
    }

    // ------------------------------------------------------------------ activity status

    @Test
    void onlyAdminsOfTheAgencyChangeAnActivitysStatus() {
        String id = exam.id().value();
        for (String who : List.of("alice", "olga", "other")) {
            for (String action : List.of("open", "close", "cancel")) {
                HttpResponse<String> refused = post("api/v1/activities/" + id + "/" + action, "", who);
                assertThat(refused.statusCode()).as("%s %s", who, action).isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
        }
        HttpResponse<String> closed = post("api/v1/activities/" + id + "/close", "", "rita");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).contains("\"status\":\"CLOSED\"");
        HttpResponse<String> again = post("api/v1/activities/" + id + "/close", "", "rita");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"code\":\"ACTIVITY_STATUS_INVALID\"");
        assertThat(post("api/v1/activities/" + id + "/open", "", "rita").body()).contains("\"status\":\"OPEN\"");
    }

    @Test
    void cancellingAnActivityCancelsItsRegistrationsAndRefusesNewOnes() {
        Activity twoHalls = twoHalls();
        String a = twoHalls.sessions().get(0).id().value();
        String alice = register(twoHalls, a, "alice");
        String bob = register(twoHalls, a, "bob");
        String id = twoHalls.id().value();

        HttpResponse<String> cancelled = post("api/v1/activities/" + id + "/cancel?reason="
                + URLEncoder.encode("The venue is closed for repairs", StandardCharsets.UTF_8), "", "rita");

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"status\":\"CANCELLED\"").contains("\"freeSeats\":1")
                .doesNotContain("\"waitlisted\":1");
        for (String[] r : List.of(new String[] {alice, "alice"}, new String[] {bob, "bob"})) {
            assertThat(get("api/v1/registrations/" + r[0], r[1]).body()).contains("\"status\":\"CANCELLED\"");
        }
        assertThat(events.stream().filter(e -> e.type().equals("registration.cancelled")).toList()).hasSize(2)
                .allSatisfy(e -> assertThat(e.payload()).containsEntry("cause", "activity_cancelled")
                        .containsEntry("reason", "The venue is closed for repairs"));
        assertThat(get("api/v1/activities/" + id, "alice").statusCode()).as("still readable").isEqualTo(200);
        HttpResponse<String> late = post("api/v1/activities/" + id + "/registrations", "{\"sessionId\":\"" + a + "\"}",
                "carol");
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("\"code\":\"REGISTRATION_CLOSED\"");
        HttpResponse<String> again = post("api/v1/activities/" + id + "/cancel", "", "rita");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"code\":\"ACTIVITY_STATUS_INVALID\"");
    }

    // ------------------------------------------------------------------ staff cancellation

    @Test
    void staffCancelARegistrationWithAReasonAndTheFirstWaitlistedTakesTheSeat() {
        Activity twoHalls = twoHalls();
        String a = twoHalls.sessions().get(0).id().value();
        String alice = register(twoHalls, a, "alice");
        String bob = register(twoHalls, a, "bob");
        String carol = register(twoHalls, a, "carol");
        String reason = "?reason=" + URLEncoder.encode("Registered twice under two accounts", StandardCharsets.UTF_8);

        assertThat(delete("api/v1/registrations/" + alice + reason, "other").statusCode()).isEqualTo(403);
        HttpResponse<String> tooLong = delete("api/v1/registrations/" + alice + "?reason=" + "x".repeat(501), "olga");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"code\":\"VALIDATION_FAILED\"").contains("reason");
        HttpResponse<String> cancelled = delete("api/v1/registrations/" + alice + reason, "olga");

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"status\":\"CANCELLED\"").contains("\"applicantId\":\"alice\"");
        assertThat(get("api/v1/registrations/" + bob, "bob").body()).contains("\"status\":\"CONFIRMED\"")
                .contains("\"candidateNumber\":\"EX-");
        assertThat(get("api/v1/registrations/" + carol, "carol").body()).contains("\"status\":\"WAITLISTED\"")
                .contains("\"waitlistPosition\":1");
        assertThat(events.stream().filter(e -> e.type().equals("registration.cancelled")).toList()).singleElement()
                .satisfies(e -> assertThat(e.payload()).containsEntry("cause", "agency")
                        .containsEntry("reason", "Registered twice under two accounts"));
        HttpResponse<String> again = delete("api/v1/registrations/" + alice, "rita");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"code\":\"REGISTRATION_NOT_ACTIVE\"");
    }

    private Activity twoHalls() {
        Activity activity = service.createActivity(RITA, ActivityDefinition.builder()
                .agency("SAFP")
                .title(LocalizedText.of("Interview day", "面試日", "Dia de entrevistas"))
                .session(new SessionDefinition(LocalizedText.of("Hall A", "A 禮堂", "Salão A"),
                        NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30)).plusSeconds(7200), 1))
                .session(new SessionDefinition(LocalizedText.of("Hall B", "B 禮堂", "Salão B"),
                        NOW.plus(Duration.ofDays(31)), NOW.plus(Duration.ofDays(31)).plusSeconds(7200), 1))
                .registrationWindow(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(10)))
                .cancellationDeadline(NOW.plus(Duration.ofDays(20)))
                .waitlist(5)
                .build());
        service.open(RITA, activity.id());
        events.clear();
        return activity;
    }

    private String register(Activity activity, String sessionId, String user) {
        HttpResponse<String> created = post("api/v1/activities/" + activity.id().value() + "/registrations",
                "{\"sessionId\":\"" + sessionId + "\"}", user);
        assertThat(created.statusCode()).isEqualTo(201);
        return created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + user);
    }

    private HttpResponse<String> post(String path, String json, String user, String... headers) {
        HttpRequest.Builder b = request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    private HttpResponse<String> get(String path, String user) {
        return send(request(path, user).GET());
    }

    private HttpResponse<String> delete(String path, String user) {
        return send(request(path, user).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
