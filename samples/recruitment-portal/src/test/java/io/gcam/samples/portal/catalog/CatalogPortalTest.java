package io.gcam.samples.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.GcamException;
import io.gcam.samples.portal.PortalApp;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The single window of the demo portal over HTTP: two agencies' services, searched and applied for
 * (SAFP's through the local workflow connector, DSAL's through the HTTP connector), one citizen's
 * applications across both, and SAFP's catalogue editor.
 */
class CatalogPortalTest {

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

    private static JsonNode call(String method, String path, String body, String token, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body())
                    .isEqualTo(expectedStatus);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode search(String q) {
        return call("GET", "api/v1/catalog/services?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null, null, 200);
    }

    @Test
    void findsTheRecruitmentServiceInEnglishChineseAndPortugueseWithoutLogin() {
        for (String q : new String[] {"recruitment", "招聘", "recrutamento"}) {
            JsonNode found = search(q);
            assertThat(found.at("/total").asLong()).as(q).isEqualTo(1);
            assertThat(found.at("/items/0/code").asText()).as(q).isEqualTo("SAFP-RECRUIT");
            assertThat(found.at("/items/0/definition/name/zhHant").asText()).isEqualTo("公務人員招聘");
        }
        assertThat(search("求職").at("/items/0/agency").asText()).isEqualTo("DSAL");
        JsonNode both = call("GET", "api/v1/catalog/services?category=employment", null, null, 200);
        assertThat(both.at("/total").asLong()).isEqualTo(2);
        JsonNode online = call("GET", "api/v1/catalog/services?channel=ONLINE", null, null, 200);
        assertThat(online.at("/total").asLong()).isEqualTo(2);
        assertThat(call("GET", "api/v1/catalog/services/DSAL-JOBSEEK", null, null, 200).at("/channels").toString())
                .isEqualTo("[\"ONLINE\",\"COUNTER\",\"PHONE\"]");
    }

    @Test
    void appliesThroughTheSingleWindowAndListsTheApplicationWithItsPublicStatus() {
        String applicant = call("POST", "api/v1/dev/login", "{\"username\":\"applicant2\"}", null, 200)
                .get("token").asText();

        JsonNode receipt = call("POST", "api/v1/catalog/services/SAFP-RECRUIT/applications",
                "{\"formData\":{\"post\":\"Clerk\"}}", applicant, 201);
        assertThat(receipt.at("/referenceNumber").asText()).startsWith("REC-");

        JsonNode mine = call("GET", "api/v1/me/applications", null, applicant, 200);
        assertThat(mine.at("/items")).hasSize(1);
        assertThat(mine.at("/items/0/available").asBoolean()).isTrue();
        assertThat(mine.at("/items/0/status/en").asText()).isEqualTo("Received");
        assertThat(mine.at("/items/0/serviceName/pt").asText()).isEqualTo("Recrutamento da função pública");
        call("GET", "api/v1/me/applications", null, null, 401);
    }

    @Test
    void listsOneCitizensApplicationsAtBothAgenciesHoweverTheyWereFiledAndFollowsDsalsDecision() {
        String citizen = login("applicant3");
        String other = login("applicant1");
        JsonNode safp = call("POST", "api/v1/catalog/services/SAFP-RECRUIT/applications", "{}", citizen, 201);
        // DSAL's backend is reached over HTTP, through HttpServiceConnector
        JsonNode dsal = call("POST", "api/v1/catalog/services/DSAL-JOBSEEK/applications",
                "{\"formData\":{\"occupation\":\"cook\"}}", citizen, 201);
        assertThat(dsal.at("/agency").asText()).isEqualTo("DSAL");
        assertThat(dsal.at("/accessCode").asText()).isNotBlank();
        // applied to the recruitment workflow directly, not through the single window
        JsonNode direct = call("POST", "api/v1/applications",
                "{\"type\":\"recruitment\",\"agency\":\"SAFP\",\"formData\":{}}", citizen, 201);
        call("POST", "api/v1/applications", "{\"type\":\"recruitment\",\"agency\":\"SAFP\",\"formData\":{}}",
                other, 201);

        JsonNode mine = call("GET", "api/v1/me/applications", null, citizen, 200);

        assertThat(mine.at("/unavailableAgencies")).isEmpty();
        assertThat(references(mine)).containsExactlyInAnyOrder(safp.at("/referenceNumber").asText(),
                dsal.at("/referenceNumber").asText(), direct.at("/application/referenceNumber").asText());
        JsonNode job = item(mine, dsal.at("/referenceNumber").asText());
        assertThat(job.at("/agency").asText()).isEqualTo("DSAL");
        assertThat(job.at("/serviceName/zhHant").asText()).isEqualTo("求職登記");
        assertThat(job.at("/available").asBoolean()).isTrue();
        assertThat(job.at("/status/en").asText()).isEqualTo("Received");
        assertThat(item(mine, direct.at("/application/referenceNumber").asText()).at("/status/pt").asText())
                .isEqualTo("Recebido");

        // DSAL's employment officer sees it in DSAL's inbox, SAFP's reviewer does not
        String officer = login("officer1");
        JsonNode inbox = call("GET", "api/v1/inbox?actionable=true&size=50", null, officer, 200);
        JsonNode waiting = null;
        for (JsonNode i : inbox.at("/items")) {
            assertThat(i.at("/agency").asText()).isEqualTo("DSAL");
            if (i.at("/referenceNumber").asText().equals(dsal.at("/referenceNumber").asText())) {
                waiting = i;
            }
        }
        assertThat(waiting).isNotNull();
        assertThat(waiting.at("/actions").toString()).isEqualTo("[\"register\",\"reject\"]");
        for (JsonNode i : call("GET", "api/v1/inbox?size=100", null, login("reviewer1"), 200).at("/items")) {
            assertThat(i.at("/agency").asText()).isEqualTo("SAFP");
        }
        call("POST", "api/v1/applications/" + dsal.at("/applicationId").asText() + "/actions/register",
                "{\"expectedVersion\":" + waiting.at("/version").asLong() + "}", officer, 200);

        JsonNode after = item(call("GET", "api/v1/me/applications", null, citizen, 200),
                dsal.at("/referenceNumber").asText());
        assertThat(after.at("/status/en").asText()).isEqualTo("Registered");
        assertThat(after.at("/status/zhHant").asText()).isEqualTo("已登記");
        assertThat(after.at("/finished").asBoolean()).isTrue();
        assertThat(references(call("GET", "api/v1/me/applications", null, other, 200))).hasSize(1);
    }

    @Test
    void dsalsBackendServesOnlyThePlatform() {
        String body = "{\"applicantId\":\"demo-applicant3\",\"applicationIds\":[]}";
        call("POST", "api/v1/single-window/applications/statuses", body, login("applicant3"), 403);
        call("POST", "api/v1/single-window/applications/statuses", body, login("officer1"), 403);
        call("POST", "api/v1/single-window/applications/statuses", body, null, 401);
        HttpResponse<String> wrongKey = send(HttpRequest.newBuilder(portal.uri().resolve(
                "api/v1/single-window/applications/statuses")).header("Content-Type", "application/json")
                .header(CatalogWiring.PLATFORM_KEY_HEADER, "guessed").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void safpsCatalogueEditorCreatesPublishesAndRetiresSafpServicesButNotDsals() {
        String editor = login("editor1");
        String service = """
                {"code":"SAFP-TRAINING","agency":"SAFP",
                 "name":{"en":"Civil service training","zhHant":"公務人員培訓","pt":"Formação da função pública"},
                 "description":{"en":"Enrol in a training course.","zhHant":"報讀培訓課程。","pt":"Inscrever-se num curso."},
                 "category":"employment",
                 "steps":[{"title":{"en":"Enrol"},"requiredDocuments":[],"fees":[],"channels":["COUNTER"]}]}""";

        JsonNode draft = call("POST", "api/v1/catalog/services", service, editor, 201);
        assertThat(draft.at("/status").asText()).isEqualTo("DRAFT");
        call("GET", "api/v1/catalog/services/SAFP-TRAINING", null, null, 404);
        call("POST", "api/v1/catalog/services/SAFP-TRAINING/versions/1/publish", "{}", editor, 200);
        assertThat(search("培訓").at("/items/0/code").asText()).isEqualTo("SAFP-TRAINING");
        call("POST", "api/v1/catalog/services/SAFP-TRAINING/retire", null, editor, 200);
        call("GET", "api/v1/catalog/services/SAFP-TRAINING", null, null, 404);

        HttpResponse<String> refused = send(HttpRequest.newBuilder(portal.uri().resolve("api/v1/catalog/services"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + editor)
                .POST(HttpRequest.BodyPublishers.ofString(service.replace("SAFP", "DSAL"))));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"code\":\"ACCESS_DENIED\"");
        // another agency's services are not the editor's to see: changing them answers as if absent
        call("POST", "api/v1/catalog/services/DSAL-JOBSEEK/retire", null, editor, 404);
        call("POST", "api/v1/catalog/services/DSAL-JOBSEEK/versions/1/publish", "{}", editor, 404);
        call("GET", "api/v1/catalog/services/DSAL-JOBSEEK/versions", null, editor, 404);
        call("PUT", "api/v1/catalog/services/DSAL-JOBSEEK", service.replace("SAFP-TRAINING", "DSAL-JOBSEEK")
                .replace("\"SAFP\"", "\"DSAL\""), editor, 403);
        call("POST", "api/v1/catalog/services", service.replace("SAFP-TRAINING", "SAFP-OTHER"), login("reviewer1"), 403);
        assertThat(call("GET", "api/v1/catalog/services/DSAL-JOBSEEK", null, null, 200).at("/status").asText())
                .isEqualTo("PUBLISHED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en,      Identity card,          Diploma,  Curriculum vitae",
        "zh-Hant, 身份證明文件,            學歷證明, 履歷",
        "pt,      Documento de identificação, Diploma, Curriculum vitae",
    })
    void namesEachStepsRequiredDocumentsInTheLanguageOfThePage(String lang, String idCard, String diploma, String cv) {
        String page = send(HttpRequest.newBuilder(portal.uri().resolve("catalog?lang=" + lang)).GET()).body();

        assertThat(page).contains("<span data-document=\"ID_CARD\">" + idCard + "</span>, <span data-document=\"DIPLOMA\">"
                + diploma + "</span>", "<span data-document=\"CV\">" + cv + "</span>")
                .doesNotContain(">ID_CARD<", ">DIPLOMA<", ">CV<");
    }

    @Test
    void refusesToStartWithADsalBackendAddressThatIsNotHttp(@TempDir Path otherData) {
        assertThatExceptionOfType(GcamException.class).isThrownBy(() -> PortalApp.start(Map.of("GCAM_PORT", "0",
                "GCAM_DATA_DIR", otherData.toString(), CatalogWiring.BACKEND_URL, "ftp://dsal.example/")))
                .satisfies(e -> assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID"))
                .withMessageContaining(CatalogWiring.BACKEND_URL);
    }

    @Test
    void showsTheCodeOfADocumentTheIntakeDoesNotKnow() {
        assertThat(CatalogWiring.documentName("ID_CARD").orElseThrow().pt()).isEqualTo("Documento de identificação");
        assertThat(CatalogWiring.documentName("BIRTH_CERTIFICATE")).isEmpty();
    }

    private static String login(String username) {
        return call("POST", "api/v1/dev/login", "{\"username\":\"" + username + "\"}", null, 200).get("token").asText();
    }

    private static List<String> references(JsonNode mine) {
        List<String> references = new ArrayList<>();
        mine.at("/items").forEach(i -> references.add(i.at("/referenceNumber").asText()));
        return references;
    }

    private static JsonNode item(JsonNode mine, String reference) {
        for (JsonNode i : mine.at("/items")) {
            if (i.at("/referenceNumber").asText().equals(reference)) {
                return i;
            }
        }
        throw new AssertionError("no application " + reference + " in " + mine);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
