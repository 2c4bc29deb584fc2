package io.gcam.samples.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.samples.portal.PortalApp;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status page and the staff inbox page over real HTTP, in the three languages. */
class WorkflowPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

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

    private static HttpResponse<String> send(String method, String path, String contentType, String body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
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

    private static JsonNode api(String method, String path, String body, String token) {
        HttpResponse<String> response = send(method, path, "application/json", body, "Authorization",
                "Bearer " + token);
        assertThat(response.statusCode() / 100).as(method + " " + path + ": " + response.body()).isEqualTo(2);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String login(String user) {
        HttpResponse<String> response = send("POST", "api/v1/dev/login", "application/json",
                "{\"username\":\"" + user + "\"}");
        try {
            return JSON.readTree(response.body()).get("token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en,      Application status, Access code, Check status",
        "zh-Hant, 申請進度,            查詢碼,       查詢進度",
        "pt,      Estado do pedido,   Código de acesso, Consultar estado",
    })
    void servesTheStatusFormInEachLanguage(String lang, String title, String code, String button) {
        HttpResponse<String> page = send("GET", "status?lang=" + lang, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Language")).contains(lang);
        assertThat(page.body()).contains("<html lang=\"" + lang + "\"", "<title>" + title + "</title>",
                ">" + code + "</label>", ">" + button + "</button>");
    }

    @Test
    void showsTheApplicantTheTimelineWithPublicLabelsAndNeverTheInternalComment() {
        String applicant = login("applicant1");
        String reviewer = login("reviewer1");
        JsonNode submitted = api("POST", "api/v1/applications",
                "{\"type\":\"recruitment\",\"agency\":\"SAFP\",\"formData\":{},\"dateOfBirth\":\"1991-02-03\"}",
                applicant);
        String id = submitted.at("/application/id").asText();
        String reference = submitted.at("/application/referenceNumber").asText();
        String code = submitted.at("/accessCode").asText();
        api("POST", "api/v1/applications/" + id + "/actions/start_screening", "{}", reviewer);
        api("POST", "api/v1/applications/" + id + "/actions/request_documents",
                "{\"comment\":\"INTERNAL: diploma looks edited\"}", reviewer);

        HttpResponse<String> zh = send("POST", "status", "application/x-www-form-urlencoded",
                form("lang", "zh-Hant", "reference", reference, "accessCode", code));
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).contains("<strong id=\"status\">需補交文件</strong>", "已收件", "審查中")
                .doesNotContain("INTERNAL", "documents_requested", "demo-reviewer1");

        HttpResponse<String> pt = send("POST", "status", "application/x-www-form-urlencoded",
                form("lang", "pt", "reference", reference, "accessCode", "", "dateOfBirth", "1991-02-03"));
        assertThat(pt.body()).contains("<strong id=\"status\">Documentos solicitados</strong>", "Recebido",
                "Em análise");
        assertThat(pt.body().split("<li><time").length - 1).isEqualTo(3);
    }

    @Test
    void answersAWrongCodeOnThePageInItsLanguage() {
        HttpResponse<String> page = send("POST", "status", "application/x-www-form-urlencoded",
                form("lang", "pt", "reference", "REC-2026-999999-00", "accessCode", "AAAAA-AAAAA"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-code=\"WORKFLOW_INQUIRY_FAILED\"",
                "Nenhum pedido corresponde a este número de referência")
                .doesNotContain("id=\"result\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en,      Staff inbox,        Send back for documents",
        "zh-Hant, 工作人員收件匣,       退回補交文件",
        "pt,      Caixa de entrada,   Devolver para documentos",
    })
    void servesTheInboxPageWithTheActionLabelsOfItsLanguage(String lang, String title, String sendBack)
            throws IOException {
        HttpResponse<String> page = send("GET", "staff/inbox?lang=" + lang, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"" + lang + "\"", "<title>" + title + "</title>",
                "<option>reviewer1</option>", "<option>approver1</option>");
        String labels = page.body().replaceAll("(?s).*<script type=\"application/json\" id=\"labels\">(.*?)</script>.*",
                "$1");
        JsonNode json = JSON.readTree(labels);
        assertThat(json.at("/actions/request_documents").asText()).isEqualTo(sendBack);
        for (String action : new String[] {"start_screening", "invite_to_interview", "approve", "reject"}) {
            assertThat(json.at("/actions/" + action).asText()).as(action).isNotBlank().isNotEqualTo(action);
        }
    }

    @Test
    void labelsEveryStaffActionOfTheRecruitmentAndJobSeekerDefinitions() {
        java.util.Set<String> staffActions = new java.util.HashSet<>();
        for (String resource : new String[] {"workflows/recruitment-v1.json", "workflows/jobseeker-v1.json"}) {
            io.gcam.workflow.WorkflowDefinition definition = io.gcam.workflow.WorkflowDefinition.fromResource(
                    getClass().getClassLoader(), resource);
            definition.actions().stream().filter(a -> a.by() == io.gcam.workflow.ActionDefinition.Performer.STAFF)
                    .forEach(a -> staffActions.add(a.name()));
        }
        assertThat(InboxPage.ACTIONS.keySet()).containsExactlyInAnyOrderElementsOf(staffActions);
    }
}
