package io.gcam.samples.portal.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.samples.portal.PortalApp;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registration pages of the running portal, over HTTP (the browser test drives their scripts). */
class RegistrationPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en      | Register for exams and activities | Unified recruitment exam           | Macao Polytechnic University, Hall A"
                + "        | Registration confirmed. Your candidate number is {0}.",
        "zh-Hant | 報名考試及活動                       | 統一招聘考試                         | 澳門理工大學 A 禮堂"
                + "        | 報名已確認。您的考生編號為 {0}。",
        "pt      | Inscrição em exames e atividades  | Concurso de recrutamento unificado | Universidade Politécnica de Macau, Salão A"
                + "        | Inscrição confirmada. O seu número de candidato é {0}.",
    })
    void applicantPageListsTheOpenExamAndItsSessionsInTheAskedLanguage(String lang, String title, String exam,
            String venue, String confirmed) {
        HttpResponse<String> page = get("registration?lang=" + lang, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Language")).contains(lang);
        assertThat(page.body()).contains("<html lang=\"" + lang + "\">", "<title>" + title + "</title>",
                "<h1>" + title + "</h1>", "<h3>" + exam + "</h3>", ">" + venue + "</th>",
                // the script's texts come in the same language
                "\"confirmed\":\"" + confirmed + "\"");
        assertThat(count(page.body(), "<button type=\"button\" class=\"register\"")).as("one per session").isEqualTo(2);
    }

    @Test
    void applicantPageFollowsAcceptLanguageWithoutALanguageParameter() {
        HttpResponse<String> page = get("registration", null, "Accept-Language", "pt-PT,pt;q=0.9,en;q=0.5");

        assertThat(page.body()).contains("<html lang=\"pt\">", "Inscrever-me");
        assertThat(page.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept-Language"));
    }

    @Test
    void applicantPageShowsTheSeatsLeftAfterRegistrations() {
        String sessionB = sessionIdOf(get("registration?lang=en", null).body(), 1);
        assertThat(freeSeats(get("registration?lang=en", null).body(), sessionB)).isEqualTo("1");

        JsonNode exam = json(send("GET", "api/v1/activities", login("applicant2"), null)).get("items").get(0);
        HttpResponse<String> registered = send("POST", "api/v1/activities/" + exam.get("id").asText() + "/registrations",
                login("applicant2"), "{\"sessionId\":\"" + sessionB + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        assertThat(freeSeats(get("registration?lang=en", null).body(), sessionB)).isEqualTo("0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en      | Registrations (staff)      | Export as CSV (Excel)   | All sessions",
        "zh-Hant | 報名記錄（工作人員）           | 匯出 CSV（Excel）         | 所有場次",
        "pt      | Inscrições (trabalhadores) | Exportar em CSV (Excel) | Todas as sessões",
    })
    void staffPageHasFiltersAndTheCsvExportInTheAskedLanguage(String lang, String title, String export, String all) {
        HttpResponse<String> page = get("registration/staff?lang=" + lang, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"" + lang + "\">", "<h1>" + title + "</h1>",
                "id=\"csv-export\"", ">" + export + "</a>", "<option value=\"\">" + all + "</option>",
                "<option value=\"WAITLISTED\">", "<select id=\"activity\"");
        // The page holds no registration data itself: that comes from the API after signing in.
        assertThat(page.body()).doesNotContain("demo-applicant");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en      | Open registration | Close registration | Cancel the activity and all its registrations | Change session",
        "zh-Hant | 開放報名           | 截止報名             | 取消活動及其所有報名                              | 更改場次",
        "pt      | Abrir inscrições  | Encerrar inscrições | Cancelar a atividade e todas as inscrições     | Mudar de sessão",
    })
    void theStatusButtonsAndTheSessionChangeAreInTheAskedLanguage(String lang, String open, String close, String cancel,
            String change) {
        String staff = get("registration/staff?lang=" + lang, null).body();
        assertThat(staff).contains("id=\"open-activity\">" + open + "</button>",
                "id=\"close-activity\">" + close + "</button>", "id=\"cancel-activity\">" + cancel + "</button>",
                "<input id=\"reason\" name=\"reason\" maxlength=\"500\">");
        assertThat(get("registration?lang=" + lang, null).body()).contains("\"change\":\"" + change + "\"");
    }

    @Test
    void theExportTheStaffPageLinksToIsFilteredAndOpensInExcel() {
        String admin = login("admin1");
        String applicant = login("applicant1");
        JsonNode exam = json(send("GET", "api/v1/activities", admin, null)).get("items").get(0);
        String examId = exam.get("id").asText();
        String hallA = exam.get("sessions").get(0).get("id").asText();
        send("POST", "api/v1/activities/" + examId + "/registrations", applicant, "{\"sessionId\":\"" + hallA + "\"}");

        HttpResponse<byte[]> csv = bytes("api/v1/activities/" + examId + "/registrations.csv?session=" + hallA
                + "&status=CONFIRMED", admin, "zh-Hant");

        assertThat(csv.statusCode()).isEqualTo(200);
        byte[] body = csv.body();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().toList()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(text.lines().skip(1)).allSatisfy(line -> assertThat(line).contains("澳門理工大學 A 禮堂"));
        assertThat(text).contains("demo-applicant1").doesNotContain("demo-applicant2");
    }

    private static String sessionIdOf(String html, int index) {
        Matcher m = Pattern.compile("<tr data-session=\"([^\"]+)\"").matcher(html);
        for (int i = 0; i <= index; i++) {
            assertThat(m.find()).isTrue();
        }
        return m.group(1);
    }

    private static String freeSeats(String html, String sessionId) {
        Matcher m = Pattern.compile("<tr data-session=\"" + sessionId + "\".*?<td class=\"free\">(\\d+)</td>").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String login(String username) {
        HttpResponse<String> response = send("POST", "api/v1/dev/login", null, "{\"username\":\"" + username + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("token").asText();
    }

    private static HttpResponse<String> get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    private static HttpResponse<byte[]> bytes(String path, String token, String language) {
        HttpRequest request = HttpRequest.newBuilder(portal.uri().resolve(path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", language).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(portal.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
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
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
