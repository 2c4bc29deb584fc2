package io.gcam.rest.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.appointment.AppointmentService;
import io.gcam.appointment.BookableService;
import io.gcam.appointment.BookableServiceDefinition;
import io.gcam.appointment.QueueService;
import io.gcam.appointment.ServicePoint;
import io.gcam.appointment.ServicePointDefinition;
import io.gcam.appointment.WeeklyHours;
import io.gcam.appointment.jdbc.JdbcAppointmentStore;
import io.gcam.appointment.jdbc.JdbcQueueStore;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.LocalizedText;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.rest.GcamRestFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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

/** The appointment API over real HTTP, on real services and an H2 database. */
class AppointmentResourcesTest {

    private static final ZoneId MACAU = ZoneId.of("Asia/Macau");
    /** Monday 2 March 2026, 09:20 in Macau. */
    private static final Instant NOW = LocalDate.of(2026, 3, 2).atTime(9, 20).atZone(MACAU).toInstant();
    private static final Actor ADMIN = Actor.staff("rita", "IAM", AppointmentService.ADMIN);
    private static final Actor CLERK = Actor.staff("carl", "IAM", AppointmentService.COUNTER);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;
    private URI base;
    private BookableService service;
    private ServicePoint point;

    @BeforeEach
    void start() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rest-appt-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(ds, "core");
        Migrations.migrate(ds, "appointment");
        LocalTransactions tx = LocalTransactions.over(ds);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AuditTrail audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        JdbcAppointmentStore store = new JdbcAppointmentStore(tx.dataSource());
        AppointmentService appointments = AppointmentService.builder().store(store).transactions(tx).audit(audit)
                .events(e -> { }).clock(clock).build();
        QueueService queue = QueueService.builder().appointments(store).queue(new JdbcQueueStore(tx.dataSource()))
                .transactions(tx).audit(audit).events(e -> { }).clock(clock).build();
        point = appointments.createServicePoint(ADMIN, ServicePointDefinition.builder()
                .agency("IAM")
                .name(LocalizedText.of("Civic Centre", "市民中心", "Centro Cívico"))
                .location(LocalizedText.of("Avenida 1", "大馬路1號", "Avenida 1"))
                .hours(WeeklyHours.builder().open(LocalTime.of(9, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY).build())
                .counters("1", "2")
                .build());
        service = appointments.addService(ADMIN, BookableServiceDefinition.builder().servicePoint(point.id())
                .code("DOC").name(LocalizedText.of("Document verification", "文件核對", "Verificação de documentos"))
                .slotLength(Duration.ofMinutes(30)).capacityPerSlot(1).build());
        IdempotentExecutor idempotency = IdempotentExecutor.builder().store(new JdbcIdempotencyStore(ds)).clock(clock)
                .build();
        ResourceConfig config = new ResourceConfig()
                .register(GcamRestFeature.builder()
                        .actorResolver(request -> Optional.ofNullable(request.getHeaderString("Authorization"))
                                .map(auth -> switch (auth) {
                                    case "Bearer carl" -> CLERK;
                                    default -> Actor.applicant(auth.substring("Bearer ".length()));
                                }))
                        .idempotentExecutor(idempotency)
                        .build())
                .registerInstances(AppointmentResources.create(appointments, queue))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
        base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void listsServicesAndSlotsThenReservesConfirmsReschedulesAndCancelsWithTheManageCode() throws Exception {
        HttpResponse<String> services = send(get("api/v1/appointment-services"));
        assertThat(services.statusCode()).isEqualTo(200);
        assertThat(services.body()).contains("\"servicePointName\":{\"en\":\"Civic Centre\"")
                .contains("\"zone\":\"Asia/Macau\"");

        HttpResponse<String> slots = send(get("api/v1/appointment-services/" + service.id() + "/slots?from=2026-03-02&to=2026-03-03"));
        assertThat(slots.statusCode()).isEqualTo(200);
        JsonNode slotList = json.readTree(slots.body());
        assertThat(slotList).hasSize(15 + 16); // Monday from 09:30 (09:00 has started), all of Tuesday
        assertThat(slotList.get(0).get("localStart").asText()).isEqualTo("2026-03-02T09:30:00");
        String first = slotList.get(0).get("start").asText();
        String second = slotList.get(1).get("start").asText();

        HttpResponse<String> reserved = send(post("api/v1/appointments",
                "{\"serviceId\":\"" + service.id() + "\",\"start\":\"" + first + "\"}").header("Authorization", "Bearer alice"));
        assertThat(reserved.statusCode()).isEqualTo(201);
        JsonNode r = json.readTree(reserved.body());
        String id = r.get("appointment").get("id").asText();
        String code = r.get("manageCode").asText();
        assertThat(r.get("appointment").get("status").asText()).isEqualTo("HELD");
        assertThat(reserved.body()).doesNotContain("Digest").doesNotContain("alice");

        HttpResponse<String> full = send(post("api/v1/appointments",
                "{\"serviceId\":\"" + service.id() + "\",\"start\":\"" + first + "\"}").header("Authorization", "Bearer bob"));
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.body()).contains("\"code\":\"SLOT_FULL\"");

        assertThat(send(post("api/v1/appointments/" + id + "/confirm", "")).statusCode()).isEqualTo(401);
        assertThat(send(post("api/v1/appointments/" + id + "/confirm", "").header("Manage-Code", "WRONG-CODE-0000"))
                .body()).contains("MANAGE_CODE_INVALID");
        HttpResponse<String> confirmed = send(post("api/v1/appointments/" + id + "/confirm", "").header("Manage-Code", code));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"status\":\"CONFIRMED\"");

        HttpResponse<String> moved = send(request("api/v1/appointments/" + id).header("Manage-Code", code)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"start\":\"" + second + "\"}")));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(json.readTree(moved.body()).get("start").asText()).isEqualTo(second);

        HttpResponse<String> ics = send(get("api/v1/appointments/" + id + ".ics").header("Manage-Code", code)
                .header("Accept-Language", "zh-Hant"));
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("SUMMARY:文件核對 - 市民中心");

        HttpResponse<String> owner = send(get("api/v1/appointments/" + id).header("Authorization", "Bearer alice"));
        assertThat(owner.body()).contains("\"status\":\"CONFIRMED\"");
        assertThat(send(get("api/v1/appointments/" + id).header("Authorization", "Bearer bob")).statusCode())
                .isEqualTo(404);

        HttpResponse<String> cancelled = send(request("api/v1/appointments/" + id).header("Manage-Code", code).DELETE());
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"status\":\"CANCELLED\"");
    }

    @Test
    void kioskChecksInAndIssuesTicketsCounterCallsNextAndTheBoardShowsIt() throws Exception {
        String slot = json.readTree(send(get("api/v1/appointment-services/" + service.id()
                + "/slots?from=2026-03-02&to=2026-03-02")).body()).get(0).get("start").asText();
        HttpResponse<String> walkIn = send(post("api/v1/appointments",
                "{\"serviceId\":\"" + service.id() + "\",\"start\":\"" + slot + "\"}").header("Authorization", "Bearer carl"));
        assertThat(walkIn.statusCode()).isEqualTo(201);
        assertThat(walkIn.body()).contains("\"status\":\"CONFIRMED\"").contains("\"walkIn\":true");
        String code = json.readTree(walkIn.body()).get("manageCode").asText();

        HttpResponse<String> checkIn = send(post("api/v1/kiosk/check-ins",
                "{\"servicePointId\":\"" + point.id() + "\",\"code\":\"GCAM-APPT:" + code + "\"}"));
        assertThat(checkIn.statusCode()).isEqualTo(201);
        assertThat(checkIn.body()).contains("\"number\":\"B001\"").contains("\"kind\":\"BOOKED\"");
        HttpResponse<String> ticket = send(post("api/v1/kiosk/tickets", "{\"serviceId\":\"" + service.id() + "\"}"));
        assertThat(ticket.statusCode()).isEqualTo(201);
        assertThat(ticket.body()).contains("\"number\":\"A001\"").contains("\"ahead\":1");

        String call = "{\"servicePointId\":\"" + point.id() + "\"}";
        assertThat(send(post("api/v1/counters/1/call-next", call)).statusCode()).isEqualTo(401);
        assertThat(send(post("api/v1/counters/1/call-next", call).header("Authorization", "Bearer alice")).statusCode())
                .isEqualTo(403);
        HttpResponse<String> called = send(post("api/v1/counters/1/call-next", call).header("Authorization", "Bearer carl"));
        assertThat(called.statusCode()).isEqualTo(200);
        assertThat(called.body()).contains("\"number\":\"B001\"").contains("\"counter\":\"1\"");
        assertThat(send(post("api/v1/counters/2/call-next", call).header("Authorization", "Bearer carl")).body())
                .contains("\"number\":\"A001\"");
        assertThat(send(post("api/v1/counters/2/call-next", call).header("Authorization", "Bearer carl")).statusCode())
                .isEqualTo(204);

        HttpResponse<String> board = send(get("api/v1/service-points/" + point.id() + "/board"));
        assertThat(board.statusCode()).isEqualTo(200);
        JsonNode counters = json.readTree(board.body()).get("counters");
        assertThat(counters).hasSize(2);
        assertThat(board.body()).contains("\"number\":\"B001\"").contains("\"number\":\"A001\"").contains("\"waiting\":0");
    }

    @Test
    void answersBadDatesAndMissingRangesAsValidationProblems() {
        HttpResponse<String> missing = send(get("api/v1/appointment-services/" + service.id() + "/slots?from=2026-03-02"));
        HttpResponse<String> bad = send(get("api/v1/appointment-services/" + service.id() + "/slots?from=soon&to=later"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("VALIDATION_FAILED").contains("\"to\"");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
