package io.gcam.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error reaches the client as a localized application/problem+json document, over real HTTP. */
class ProblemResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = new TestApp();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static JsonNode problem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    @Test
    void answersNotFoundInEnglishByDefault() {
        HttpResponse<String> response = app.get("things/T-9");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(response.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Accept-Language"));
        JsonNode problem = problem(response);
        assertThat(problem.get("type").asText()).isEqualTo("https://gcam.io/problems/not-found");
        assertThat(problem.get("title").asText()).isEqualTo("Not found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).isEqualTo("No thing with id T-9 was found.");
        assertThat(problem.get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(problem.has("errors")).isFalse();
    }

    @Test
    void localizesTheDetailByAcceptLanguage() {
        HttpResponse<String> chinese = app.get("things/T-9", "Accept-Language", "zh-MO, en;q=0.5");
        HttpResponse<String> portuguese = app.get("things/T-9", "Accept-Language", "fr, pt-PT;q=0.8, en;q=0.5");

        assertThat(chinese.headers().firstValue("Content-Language")).hasValue("zh-Hant");
        assertThat(problem(chinese).get("detail").asText()).isEqualTo("找不到編號為 T-9 的thing。");
        assertThat(problem(chinese).get("title").asText()).isEqualTo("找不到");
        assertThat(portuguese.headers().firstValue("Content-Language")).hasValue("pt");
        assertThat(problem(portuguese).get("detail").asText()).isEqualTo("Não foi encontrado(a) thing com o identificador T-9.");
        assertThat(problem(portuguese).get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void fallsBackToEnglishForUnsupportedOrMalformedLanguages() {
        assertThat(app.get("things/1", "Accept-Language", "de-DE").headers().firstValue("Content-Language")).hasValue("en");
        assertThat(app.get("things/1", "Accept-Language", ";;==").statusCode()).isEqualTo(404);
    }

    @Test
    void listsEveryInvalidFieldWithLocalizedMessages() {
        HttpResponse<String> response = app.postJson("validate", "{}", "Accept-Language", "zh-Hant");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = problem(response);
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("type").asText()).isEqualTo("https://gcam.io/problems/validation-failed");
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("email");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("請輸入有效的電郵地址。");
        assertThat(problem.get("errors").get(1).get("field").asText()).isEqualTo("contacts[0].phone");
        assertThat(problem.get("detail").asText()).startsWith("請求內容無效：email: 請輸入有效的電郵地址。");
    }

    @Test
    void mapsErrorKindsToStatuses() {
        assertThat(app.get("conflict").statusCode()).isEqualTo(409);
        HttpResponse<String> unavailable = app.get("unavailable", "Accept-Language", "pt");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(problem(unavailable).get("detail").asText())
                .isEqualTo("O armazenamento de dados não está disponível neste momento. Tente mais tarde.");
    }

    @Test
    void hidesUnexpectedExceptionsBehindACorrelationId() {
        HttpResponse<String> response = app.get("boom", "Accept-Language", "pt");

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode problem = problem(response);
        assertThat(problem.get("code").asText()).isEqualTo("INTERNAL_ERROR");
        String id = problem.get("correlationId").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(problem.get("detail").asText()).startsWith("Ocorreu um erro do nosso lado.").contains(id);
        assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("at io.");
    }

    @Test
    void hidesTheMessageOfInternalGcamErrors() {
        HttpResponse<String> response = app.get("misconfigured");

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode problem = problem(response);
        assertThat(problem.get("code").asText()).isEqualTo("CONFIGURATION_INVALID");
        assertThat(problem.get("correlationId").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("password");
    }

    @Test
    void answersUnknownAddressesAndMethodsWithProblems() {
        HttpResponse<String> missing = app.get("no/such/path", "Accept-Language", "zh-Hant");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(problem(missing).get("code").asText()).isEqualTo("HTTP_NOT_FOUND");
        assertThat(problem(missing).get("detail").asText()).isEqualTo("此地址沒有任何內容。請檢查網址。");

        HttpResponse<String> wrongMethod = app.send(app.request("me").DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(problem(wrongMethod).get("code").asText()).isEqualTo("HTTP_METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET"));

        HttpResponse<String> wrongType = app.send(app.request("greetings").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hi")));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(problem(wrongType).get("code").asText()).isEqualTo("HTTP_UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void answersMalformedJsonWithLineAndColumn() {
        HttpResponse<String> response = app.postJson("greetings", "{\"name\": \"x\",\n \"count\": }", "Accept-Language", "pt");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = problem(response);
        assertThat(problem.get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("Isto não é JSON válido (linha 2, coluna 11).");
    }

    @Test
    void rejectsUnknownFieldsNamingThem() {
        HttpResponse<String> response = app.postJson("greetings", "{\"name\":\"x\",\"count\":1,\"at\":\"2026-01-01T00:00:00Z\",\"cuont\":2}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = problem(response).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("cuont");
        assertThat(error.get("message").asText()).isEqualTo("This field is not known. Check its spelling.");
    }

    @Test
    void rejectsValuesOfTheWrongTypeAndEmptyBodies() {
        HttpResponse<String> wrongType = app.postJson("greetings", "{\"name\":\"x\",\"count\":\"7\",\"at\":\"2026-01-01T00:00:00Z\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(problem(wrongType).get("errors").get(0).get("field").asText()).isEqualTo("count");

        HttpResponse<String> badDate = app.postJson("greetings", "{\"name\":\"x\",\"count\":7,\"at\":\"yesterday\"}");
        assertThat(badDate.statusCode()).as(badDate.body()).isEqualTo(400);
        assertThat(problem(badDate).get("errors").get(0).get("field").asText()).isEqualTo("at");

        HttpResponse<String> empty = app.postJson("greetings", "", "Accept-Language", "zh-Hant");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(problem(empty).get("errors").get(0).get("message").asText()).isEqualTo("請求內容為空。請傳送 JSON 文件。");
    }

    @Test
    void answersValidationFromARequestConstructorAsValidationProblem() {
        HttpResponse<String> response = app.postJson("notes", "{\"text\":\" \"}", "Authorization", "Bearer alice",
                "Accept-Language", "pt");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = problem(response);
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("text");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("Introduza um texto.");
    }

    @Test
    void writesJavaTimeAsIsoStringsAndKeepsOffsets() throws Exception {
        HttpResponse<String> response = app.postJson("greetings", "{\"name\":\"x\",\"count\":1,\"at\":\"2026-03-01T09:30:00Z\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("at").asText()).isEqualTo("2026-03-01T09:30:00Z");
    }
}
