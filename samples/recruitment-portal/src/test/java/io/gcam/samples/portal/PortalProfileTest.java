package io.gcam.samples.portal;

import static io.gcam.samples.portal.PortalApplicationTest.json;
import static io.gcam.samples.portal.PortalApplicationTest.post;
import static io.gcam.samples.portal.PortalApplicationTest.request;
import static io.gcam.samples.portal.PortalApplicationTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: sign in with a one-time code by email (read from the demo mailbox), create and edit
 * the profile, read its history, grant a consent, and see the profile page in three languages.
 */
class PortalProfileTest {

    private static final String EMAIL = "ana.profile.canary@example.mo";

    @TempDir
    static Path dataDir;

    private static PortalApp portal;
    private static ListAppender<ILoggingEvent> logs;

    @BeforeAll
    static void start() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs = new ListAppender<>();
        logs.setContext(context);
        logs.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(logs);
        portal = PortalApp.start(Map.of("GCAM_PORT", "0", "GCAM_DATA_DIR", dataDir.toString()));
    }

    @AfterAll
    static void stop() {
        portal.close();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(logs);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // guards the mailbox wait against a hang
    void signsInWithAnEmailCodeAndManagesTheProfile() throws Exception {
        HttpResponse<String> sent = post(portal, "api/v1/login/email/code",
                "{\"email\":\"" + EMAIL + "\",\"language\":\"pt\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        String challenge = json(sent).get("challengeId").asText();
        assertThat(json(sent).get("sentTo").asText()).doesNotContain("ana.profile");

        String code = codeFromMailbox();
        HttpResponse<String> tooSoon = post(portal, "api/v1/login/email/code", "{\"email\":\"" + EMAIL + "\"}");
        assertThat(tooSoon.statusCode()).isEqualTo(422);
        assertThat(tooSoon.body()).contains("CODE_RESEND_TOO_SOON");

        HttpResponse<String> signedIn = post(portal, "api/v1/login/email/verify",
                "{\"challengeId\":\"" + challenge + "\",\"email\":\"" + EMAIL + "\",\"code\":\"" + code + "\"}");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String token = json(signedIn).get("token").asText();

        JsonNode identity = json(get("api/v1/me/identity", token));
        assertThat(identity.get("level").asText()).isEqualTo("LOW");
        assertThat(identity.get("method").asText()).isEqualTo("EMAIL_CODE");

        assertThat(get("api/v1/me/profile", token).statusCode()).isEqualTo(404);
        HttpResponse<String> created = post(portal, "api/v1/me/profile", "{\"familyName\":\"SOUSA\"}",
                "Authorization", "Bearer " + token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode profile = json(created);
        assertThat(profile.get("lockedFields").toString()).isEqualTo("[\"EMAIL\"]");
        assertThat(profile.at("/data/email").asText()).isEqualTo(EMAIL);

        ObjectNode data = (ObjectNode) profile.get("data");
        data.put("phone", "+85361234567");
        HttpResponse<String> saved = send(request(portal, "api/v1/me/profile").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":1,\"data\":" + data + "}")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved).get("version").asLong()).isEqualTo(2);
        assertThat(json(get("api/v1/me/profile/history", token))).hasSize(2);

        HttpResponse<String> consent = post(portal, "api/v1/me/consents",
                "{\"purpose\":\"recruitment-2026\",\"agency\":\"SAFP\"}", "Authorization", "Bearer " + token);
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);

        for (ILoggingEvent event : logs.list) {
            if (event.getLoggerName().startsWith("io.gcam")) {
                assertThat(event.getFormattedMessage()).doesNotContain("ana.profile.canary", code, "61234567");
            }
        }
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("Sign-in code sent to a***@"));
    }

    @Test
    void showsTheProfilePageInThreeLanguages() {
        assertThat(page("en")).contains("<html lang=\"en\">", "<title>My profile</title>", "Family name",
                "Send me a code");
        assertThat(page("zh-Hant")).contains("<html lang=\"zh-Hant\">", "我的個人資料", "電郵地址", "出生日期");
        assertThat(page("pt")).contains("<html lang=\"pt\">", "O meu perfil", "Apelido", "Data de nascimento");
    }

    private static String page(String lang) {
        HttpResponse<String> response = send(request(portal, "profile?lang=" + lang).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> get(String path, String token) {
        return send(request(portal, path).header("Authorization", "Bearer " + token).GET());
    }

    private static String codeFromMailbox() throws InterruptedException {
        Pattern code = Pattern.compile("O seu código de acesso: (\\d{6})");
        while (true) {
            HttpResponse<String> mail = send(request(portal, "api/v1/dev/mail").GET());
            if (mail.statusCode() == 200) {
                for (JsonNode m : json(mail)) {
                    Matcher matcher = code.matcher(m.get("subject").asText());
                    if (m.get("to").asText().equals(EMAIL) && matcher.find()) {
                        return matcher.group(1);
                    }
                }
            }
            Thread.sleep(100);
        }
    }
}
