package io.gcam.samples.portal.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gcam.samples.portal.PortalApp;
import io.gcam.samples.portal.PortalHttp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeded "Recruitment Centre" booked, checked in and called through the running portal. */
class AppointmentPortalTest {

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

    @Test
    void applicantsBookTheSeededServiceAndTheKioskCounterAndBoardWork() {
        String alice = login("applicant1");
        String admin = login("admin1");

        JsonNode services = json(send("GET", "api/v1/appointment-services", null, null));
        assertThat(services).hasSize(2);
        JsonNode verification = services.get(0);
        assertThat(verification.get("name").get("en").asText()).isEqualTo("Document verification");
        assertThat(verification.get("servicePointName").get("zhHant").asText()).isEqualTo("招聘中心");
        assertThat(services.get(1).get("name").get("pt").asText()).isEqualTo("Entrevista");
        String serviceId = verification.get("id").asText();
        String pointId = verification.get("servicePointId").asText();

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Macau"));
        JsonNode slots = json(send("GET", "api/v1/appointment-services/" + serviceId + "/slots?from=" + today
                + "&to=" + today.plusDays(14), null, null));
        assertThat(slots.size()).isGreaterThan(100); // ten working days of 15-minute slots
        String start = slots.get(0).get("start").asText();

        HttpResponse<String> reserved = send("POST", "api/v1/appointments", alice,
                "{\"serviceId\":\"" + serviceId + "\",\"start\":\"" + start + "\"}", "Idempotency-Key", "portal-appt-1");
        assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(201);
        String id = json(reserved).get("appointment").get("id").asText();
        String code = json(reserved).get("manageCode").asText();
        HttpResponse<String> confirmed = send("POST", "api/v1/appointments/" + id + "/confirm", null, null,
                "Manage-Code", code);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).get("status").asText()).isEqualTo("CONFIRMED");
        HttpResponse<String> ics = send("GET", "api/v1/appointments/" + id + ".ics", alice, null);
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.body()).contains("BEGIN:VEVENT").contains("Recruitment Centre");
        HttpResponse<String> again = send("POST", "api/v1/appointments", alice,
                "{\"serviceId\":\"" + serviceId + "\",\"start\":\"" + slots.get(1).get("start").asText() + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("code").asText()).isEqualTo("ALREADY_BOOKED");

        HttpResponse<String> ticket = send("POST", "api/v1/kiosk/tickets", null, "{\"serviceId\":\"" + serviceId + "\"}");
        assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(201);
        assertThat(json(ticket).get("number").asText()).isEqualTo("A001");
        HttpResponse<String> called = send("POST", "api/v1/counters/2/call-next", admin,
                "{\"servicePointId\":\"" + pointId + "\"}");
        assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
        assertThat(json(called).get("number").asText()).isEqualTo("A001");
        assertThat(send("POST", "api/v1/counters/2/call-next", alice, "{\"servicePointId\":\"" + pointId + "\"}")
                .statusCode()).isEqualTo(403);
        JsonNode board = json(send("GET", "api/v1/service-points/" + pointId + "/board", null, null));
        assertThat(board.get("counters").get(0).get("counter").asText()).isEqualTo("2");
        assertThat(board.get("counters").get(0).get("number").asText()).isEqualTo("A001");

        HttpResponse<String> cancelled = send("DELETE", "api/v1/appointments/" + id, null, null, "Manage-Code", code);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void servesTheFourPagesInEachLanguage() {
        Map<String, String[]> expected = Map.of(
                "en", new String[] {"Book an appointment", "Take a ticket", "Call next", "Now serving"},
                "zh-Hant", new String[] {"預約服務", "取籌", "叫下一位", "現正服務"},
                "pt", new String[] {"Marcar atendimento", "Tirar senha", "Chamar seguinte", "Em atendimento"});
        String[] pages = {"appointments", "kiosk", "counter", "board"};
        expected.forEach((lang, texts) -> {
            for (int i = 0; i < pages.length; i++) {
                HttpResponse<String> page = send("GET", pages[i] + "?lang=" + lang, null, null);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
                assertThat(page.body()).as("%s in %s", pages[i], lang).contains("<html lang=\"" + lang + "\"")
                        .contains(texts[i]);
            }
        });
    }

    private static String login(String username) {
        return PortalHttp.login(portal, username);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        return PortalHttp.send(portal, method, path, token, body, headers);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return PortalHttp.json(response);
    }
}
