package io.gcam.samples.portal;

import static io.gcam.samples.portal.PortalApplicationTest.json;
import static io.gcam.samples.portal.PortalApplicationTest.post;
import static io.gcam.samples.portal.PortalApplicationTest.request;
import static io.gcam.samples.portal.PortalApplicationTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An applicant who signs in by email code (not a demo applicant): the exam's eligibility comes from
 * their own profile, and a submitted application is confirmed by email in the form's language.
 */
class ApplyingWithAProfileTest {

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
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // guards the mailbox waits against a hang
    void theExamTakesTheApplicantsFactsFromTheProfile() throws Exception {
        String token = signIn("rui.eligibility@example.mo");
        JsonNode exam = json(send(request(portal, "api/v1/activities").header("Authorization", "Bearer " + token)
                .GET())).get("items").get(0);
        String path = "api/v1/activities/" + exam.get("id").asText() + "/registrations";
        String body = "{\"sessionId\":\"" + exam.get("sessions").get(0).get("id").asText() + "\"}";

        HttpResponse<String> withoutProfile = post(portal, path, body, "Authorization", "Bearer " + token);
        assertThat(withoutProfile.statusCode()).as(withoutProfile.body()).isEqualTo(422);
        assertThat(json(withoutProfile).get("code").asText()).isEqualTo("NOT_ELIGIBLE");

        JsonNode profile = json(post(portal, "api/v1/me/profile", "{}", "Authorization", "Bearer " + token));
        ObjectNode data = (ObjectNode) profile.get("data");
        data.put("dateOfBirth", "1996-03-01").put("residencyStatus", "PERMANENT_RESIDENT");
        ((ArrayNode) data.putArray("education")).addObject().put("institution", "Escola Portuguesa de Macau")
                .put("qualification", "SECONDARY");
        JsonNode saved = put(token, 1, data);
        HttpResponse<String> secondarySchool = post(portal, path, body, "Authorization", "Bearer " + token);
        assertThat(secondarySchool.statusCode()).as(secondarySchool.body()).isEqualTo(422);
        assertThat(json(secondarySchool).get("code").asText()).isEqualTo("NOT_ELIGIBLE");

        ((ObjectNode) data.get("education").get(0)).put("qualification", "BACHELOR");
        put(token, saved.get("version").asLong(), data);
        HttpResponse<String> bachelor = post(portal, path, body, "Authorization", "Bearer " + token,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(bachelor.statusCode()).as(bachelor.body()).isEqualTo(201);
        assertThat(json(bachelor).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anApplicationIsConfirmedByEmailInTheFormsLanguageWithoutTheAccessCode() throws Exception {
        String email = "lei.confirmation@example.mo";
        String token = signIn(email);

        HttpResponse<String> submitted = post(portal, "api/v1/applications",
                "{\"type\":\"recruitment\",\"agency\":\"SAFP\",\"formData\":{\"email\":\"" + email
                        + "\",\"language\":\"zh-Hant\"}}",
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String reference = json(submitted).at("/application/referenceNumber").asText();
        String accessCode = json(submitted).get("accessCode").asText();

        String subject = mail(email, Pattern.compile("(已收到申請：" + Pattern.quote(reference) + ")"));
        assertThat(subject).isEqualTo("已收到申請：" + reference);
        assertThat(send(request(portal, "dev/mail?lang=zh-Hant").GET()).body())
                .contains("我們已收到您的公務人員招聘申請 " + reference).doesNotContain(accessCode);
    }

    private static JsonNode put(String token, long version, ObjectNode data) {
        HttpResponse<String> saved = send(request(portal, "api/v1/me/profile").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":" + version + ",\"data\":" + data + "}")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        return json(saved);
    }

    private static String signIn(String email) throws InterruptedException {
        HttpResponse<String> sent = post(portal, "api/v1/login/email/code", "{\"email\":\"" + email + "\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        String code = mail(email, Pattern.compile("(\\d{6})"));
        HttpResponse<String> verified = post(portal, "api/v1/login/email/verify", "{\"challengeId\":\""
                + json(sent).get("challengeId").asText() + "\",\"email\":\"" + email + "\",\"code\":\"" + code + "\"}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return json(verified).get("token").asText();
    }

    /** Waits for an email to the address whose subject matches, and returns the first group. */
    private static String mail(String to, Pattern subject) throws InterruptedException {
        while (true) {
            for (JsonNode m : json(send(request(portal, "api/v1/dev/mail").GET()))) {
                Matcher matcher = subject.matcher(m.get("subject").asText());
                if (m.get("to").asText().equals(to) && matcher.find()) {
                    return matcher.group(1);
                }
            }
            Thread.sleep(100);
        }
    }
}
