package io.gcam.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating POSTs honour Idempotency-Key over real HTTP. */
class IdempotencyTest {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = new TestApp();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void noBlocking() {
        TestApp.entered = new CountDownLatch(1);
        TestApp.release = new CountDownLatch(0);
    }

    @Test
    void replaysTheFirstResponseForARetryWithTheSameKey() {
        String key = UUID.randomUUID().toString();
        int before = TestApp.CREATED.get();

        HttpResponse<String> first = app.postJson("notes", "{\"text\":\"hello\"}", "Authorization", "Bearer alice",
                "Idempotency-Key", key);
        HttpResponse<String> retry = app.postJson("notes", "{ \"text\" : \"hello\" }", "Authorization", "Bearer alice",
                "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(TestApp.CREATED.get()).isEqualTo(before + 1);
    }

    @Test
    void createsAgainWithoutAKeyOrWithANewKey() {
        int before = TestApp.CREATED.get();

        app.postJson("notes", "{\"text\":\"a\"}", "Authorization", "Bearer alice");
        app.postJson("notes", "{\"text\":\"a\"}", "Authorization", "Bearer alice");
        app.postJson("notes", "{\"text\":\"a\"}", "Authorization", "Bearer alice", "Idempotency-Key", "k-" + UUID.randomUUID());
        app.postJson("notes", "{\"text\":\"a\"}", "Authorization", "Bearer alice", "Idempotency-Key", "k-" + UUID.randomUUID());

        assertThat(TestApp.CREATED.get()).isEqualTo(before + 4);
    }

    @Test
    void keepsKeysOfDifferentActorsApart() {
        String key = UUID.randomUUID().toString();
        int before = TestApp.CREATED.get();

        HttpResponse<String> alice = app.postJson("notes", "{\"text\":\"x\"}", "Authorization", "Bearer alice", "Idempotency-Key", key);
        HttpResponse<String> bob = app.postJson("notes", "{\"text\":\"x\"}", "Authorization", "Bearer bob", "Idempotency-Key", key);

        assertThat(bob.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(bob.body()).isNotEqualTo(alice.body());
        assertThat(TestApp.CREATED.get()).isEqualTo(before + 2);
    }

    @Test
    void refusesAKeyReusedForADifferentRequestWith422() {
        String key = UUID.randomUUID().toString();
        app.postJson("notes", "{\"text\":\"one\"}", "Authorization", "Bearer alice", "Idempotency-Key", key);

        HttpResponse<String> reused = app.postJson("notes", "{\"text\":\"two\"}", "Authorization", "Bearer alice",
                "Idempotency-Key", key, "Accept-Language", "zh-Hant");

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(ProblemResponsesTest.problem(reused).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(ProblemResponsesTest.problem(reused).get("detail").asText())
                .isEqualTo("此 Idempotency-Key 已用於另一個不同的請求。新的請求請使用新的金鑰。");
    }

    @Test
    void refusesARetryWhileTheFirstIsRunningWith409() throws Exception {
        String key = UUID.randomUUID().toString();
        TestApp.release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() ->
                app.postJson("notes", "{\"text\":\"slow\"}", "Authorization", "Bearer alice", "Idempotency-Key", key));
        assertThat(TestApp.entered.await(30, java.util.concurrent.TimeUnit.SECONDS))
                .as("the first request reached the operation").isTrue();

        HttpResponse<String> concurrent = app.postJson("notes", "{\"text\":\"slow\"}", "Authorization", "Bearer alice",
                "Idempotency-Key", key);
        TestApp.release.countDown();

        assertThat(concurrent.statusCode()).isEqualTo(409);
        assertThat(ProblemResponsesTest.problem(concurrent).get("code").asText()).isEqualTo("IDEMPOTENCY_IN_FLIGHT");
        assertThat(first.get().statusCode()).isEqualTo(201);
    }

    @Test
    void storesNothingWhenTheOperationFailsSoTheKeyCanBeRetried() {
        String key = UUID.randomUUID().toString();

        HttpResponse<String> failed = app.postJson("notes", "{\"text\":\"fail\"}", "Authorization", "Bearer alice", "Idempotency-Key", key);
        HttpResponse<String> again = app.postJson("notes", "{\"text\":\"fail\"}", "Authorization", "Bearer alice", "Idempotency-Key", key);

        assertThat(failed.statusCode()).isEqualTo(409);
        assertThat(ProblemResponsesTest.problem(failed).get("code").asText()).isEqualTo("CONFLICT");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void needsAnActorToUseAKey() {
        HttpResponse<String> response = app.postJson("notes", "{\"text\":\"x\"}", "Idempotency-Key", "k1");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void refusesMalformedAndMissingKeys() {
        HttpResponse<String> tooLong = app.postJson("notes", "{\"text\":\"x\"}", "Authorization", "Bearer alice",
                "Idempotency-Key", "k".repeat(256));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(ProblemResponsesTest.problem(tooLong).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_INVALID");

        HttpResponse<String> missing = app.postJson("strict-notes", "{\"text\":\"x\"}", "Authorization", "Bearer alice",
                "Accept-Language", "pt");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(ProblemResponsesTest.problem(missing).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        assertThat(ProblemResponsesTest.problem(missing).get("detail").asText()).startsWith("Este pedido precisa");

        HttpResponse<String> present = app.postJson("strict-notes", "{\"text\":\"x\"}", "Authorization", "Bearer alice",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(present.statusCode()).isEqualTo(201);
    }
}
