package io.gcam.samples.portal.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gcam.samples.portal.PortalApp;
import io.gcam.samples.portal.PortalHttp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session changes, staff cancellations with a reason and the cancellation of a whole activity, through
 * the running portal's API, on an activity of the test's own (the seeded exam is left alone).
 */
class RegistrationChangesPortalTest {

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
    void applicantsMoveSessionsStaffCancelWithAReasonAndAdminsCancelTheActivityWithItsRegistrations() {
        String admin = login("admin1");
        String one = login("applicant1");
        String two = login("applicant2");
        String three = login("applicant3");
        JsonNode activity = createAndOpenBriefing(admin);
        String activityId = activity.get("id").asText();
        String hallA = activity.get("sessions").get(0).get("id").asText();
        String hallB = activity.get("sessions").get(1).get("id").asText();

        String first = register(activityId, hallA, one, "CONFIRMED");
        String second = register(activityId, hallA, two, "WAITLISTED");

        HttpResponse<String> moved = send("POST", "api/v1/registrations/" + first + "/session-change", one,
                "{\"sessionId\":\"" + hallB + "\"}", "Idempotency-Key", "move-" + first);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).get("sessionId").asText()).isEqualTo(hallB);
        assertThat(status(second, two)).as("promoted to the seat the move freed").isEqualTo("CONFIRMED");

        String third = register(activityId, hallA, three, "WAITLISTED");
        HttpResponse<String> full = send("POST", "api/v1/registrations/" + third + "/session-change", three,
                "{\"sessionId\":\"" + hallB + "\"}", "Accept-Language", "pt");
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(full).get("code").asText()).isEqualTo("REGISTRATION_FULL");
        assertThat(json(full).get("detail").asText()).startsWith("Esta sessão está completa");

        HttpResponse<String> byApplicant = send("DELETE", "api/v1/registrations/" + second, three, null);
        assertThat(byApplicant.statusCode()).as("another applicant's registration").isEqualTo(404);
        HttpResponse<String> byStaff = send("DELETE", "api/v1/registrations/" + second + "?reason="
                + URLEncoder.encode("Registered twice", StandardCharsets.UTF_8), admin, null);
        assertThat(byStaff.statusCode()).as(byStaff.body()).isEqualTo(200);
        assertThat(json(byStaff).get("applicantId").asText()).isEqualTo("demo-applicant2");
        assertThat(status(third, three)).as("the first waitlisted takes the freed seat").isEqualTo("CONFIRMED");

        assertThat(send("POST", "api/v1/activities/" + activityId + "/cancel", one, null).statusCode()).isEqualTo(403);
        HttpResponse<String> cancelled = send("POST", "api/v1/activities/" + activityId + "/cancel?reason="
                + URLEncoder.encode("Speaker unavailable", StandardCharsets.UTF_8), admin, null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(status(first, one)).isEqualTo("CANCELLED");
        assertThat(status(third, three)).isEqualTo("CANCELLED");
        assertThat(send("GET", "api/v1/activities/" + activityId + "/counts", admin, null).body())
                .isEqualTo("{\"confirmed\":0,\"waitlisted\":0,\"cancelled\":3}");
        HttpResponse<String> late = send("POST", "api/v1/activities/" + activityId + "/registrations", two,
                "{\"sessionId\":\"" + hallA + "\"}");
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(json(late).get("code").asText()).isEqualTo("REGISTRATION_CLOSED");

        JsonNode open = json(send("GET", "api/v1/activities", one, null));
        assertThat(open.get("total").asInt()).as("the seeded exam is still open").isEqualTo(1);
        assertThat(open.get("items").get(0).get("id").asText()).isNotEqualTo(activityId);
    }

    private static JsonNode createAndOpenBriefing(String admin) {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant day = today.plus(Duration.ofDays(20)).plus(Duration.ofHours(2));
        String body = "{\"agency\":\"SAFP\",\"title\":{\"en\":\"Recruitment briefing\"},\"category\":\"BRIEFING\","
                + "\"sessions\":[" + session("Hall A", day) + "," + session("Hall B", day.plus(Duration.ofDays(1))) + "],"
                + "\"registrationOpens\":\"" + today.minus(Duration.ofDays(1)) + "\","
                + "\"registrationCloses\":\"" + today.plus(Duration.ofDays(10)) + "\","
                + "\"cancellationDeadline\":\"" + today.plus(Duration.ofDays(15)) + "\",\"waitlistMaxLength\":5}";
        HttpResponse<String> created = send("POST", "api/v1/activities", admin, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> opened = send("POST", "api/v1/activities/" + json(created).get("id").asText() + "/open",
                admin, null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        return json(opened);
    }

    private static String session(String venue, Instant start) {
        return "{\"venue\":{\"en\":\"" + venue + "\"},\"startsAt\":\"" + start + "\",\"endsAt\":\""
                + start.plus(Duration.ofHours(1)) + "\",\"capacity\":1}";
    }

    private static String register(String activityId, String sessionId, String token, String expected) {
        HttpResponse<String> response = send("POST", "api/v1/activities/" + activityId + "/registrations", token,
                "{\"sessionId\":\"" + sessionId + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).get("status").asText()).isEqualTo(expected);
        return json(response).get("id").asText();
    }

    private static String status(String registrationId, String token) {
        HttpResponse<String> response = send("GET", "api/v1/registrations/" + registrationId, token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("status").asText();
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
