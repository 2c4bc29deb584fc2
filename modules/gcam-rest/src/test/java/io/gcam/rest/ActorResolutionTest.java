package io.gcam.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ActorResolver turns credentials into the actor resources see; no actor means 401. */
class ActorResolutionTest {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = new TestApp();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void givesResourcesTheResolvedActor() throws Exception {
        HttpResponse<String> response = app.get("me", "Authorization", "Bearer rita");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = new ObjectMapper().readTree(response.body());
        assertThat(me.get("subjectId").asText()).isEqualTo("rita");
        assertThat(me.get("kind").asText()).isEqualTo("STAFF");
        assertThat(me.get("agency").asText()).isEqualTo("SAFP");
        assertThat(me.get("roles").toString()).isEqualTo("[\"ADMIN\",\"REVIEWER\"]");
    }

    @Test
    void leavesOutTheAgencyOfApplicants() throws Exception {
        JsonNode me = new ObjectMapper().readTree(app.get("me", "Authorization", "Bearer alice").body());

        assertThat(me.has("agency")).isFalse();
        assertThat(me.get("kind").asText()).isEqualTo("APPLICANT");
    }

    @Test
    void answersAnonymousRequestsNeedingAnActorWith401() {
        HttpResponse<String> response = app.get("me", "Accept-Language", "zh-Hant");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"test\"");
        JsonNode problem = ProblemResponsesTest.problem(response);
        assertThat(problem.get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(problem.get("title").asText()).isEqualTo("需要登入");
        assertThat(problem.get("type").asText()).isEqualTo("https://gcam.io/problems/unauthenticated");
    }

    @Test
    void answersInvalidCredentialsWith401EvenOnPublicResources() {
        HttpResponse<String> response = app.get("conflict", "Authorization", "Bearer forged");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ProblemResponsesTest.problem(response).get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }
}
