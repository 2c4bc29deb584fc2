package io.gcam.samples.portal;

import static io.gcam.samples.portal.PortalApplicationTest.json;
import static io.gcam.samples.portal.PortalApplicationTest.post;
import static io.gcam.samples.portal.PortalApplicationTest.request;
import static io.gcam.samples.portal.PortalApplicationTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Demo mode: a dev login sends a welcome email to the embedded mailbox and an in-app message. */
class PortalNotificationsTest {

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

    static String login(String username) {
        return json(post(portal, "api/v1/dev/login", "{\"username\":\"" + username + "\"}")).get("token").asText();
    }

    static JsonNode get(String path, String token) {
        HttpResponse<String> response = send(request(portal, path).header("Authorization", "Bearer " + token).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // guards the waits below against a hang
    void sendsAWelcomeEmailAndInboxMessageOnDevLogin() throws InterruptedException {
        String applicant = login("applicant2");

        JsonNode mail = get("api/v1/dev/mail", applicant);
        while (!containsRecipient(mail, "applicant2@demo.gcam.example")) {
            Thread.sleep(100);
            mail = get("api/v1/dev/mail", applicant);
        }
        JsonNode inbox = get("api/v1/me/inbox", applicant);
        while (inbox.get("items").isEmpty()) {
            Thread.sleep(100);
            inbox = get("api/v1/me/inbox", applicant);
        }

        assertThat(inbox.get("items").get(0).get("text").asText())
                .isEqualTo("Welcome, applicant2! You signed in to the recruitment portal.");
        String reviewer = login("reviewer1");
        JsonNode byReference = get("api/v1/notifications?reference=applicant2", reviewer);
        assertThat(byReference).hasSize(2);
        assertThat(byReference.findValuesAsText("status")).containsOnly("delivered");
        assertThat(byReference.findValuesAsText("recipient")).contains("a***@demo.gcam.example");
        HttpResponse<String> applicantsList = send(request(portal, "api/v1/notifications?reference=applicant2")
                .header("Authorization", "Bearer " + applicant).GET());
        assertThat(applicantsList.statusCode()).isEqualTo(403);
        HttpResponse<String> page = send(request(portal, "dev/mail").GET());
        assertThat(page.body()).contains("Welcome to the recruitment portal, applicant2");
    }

    private static boolean containsRecipient(JsonNode mail, String address) {
        for (JsonNode m : mail) {
            if (m.get("to").asText().equals(address)) {
                return true;
            }
        }
        return false;
    }
}
