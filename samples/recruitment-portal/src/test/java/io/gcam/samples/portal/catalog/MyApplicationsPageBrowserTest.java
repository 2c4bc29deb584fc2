package io.gcam.samples.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * "My applications" in a real headless Chromium while DSAL's backend hangs: the citizen applies to
 * both agencies on the page, and the list still answers, with SAFP's statuses and DSAL's application
 * marked "status unavailable", in each language.
 */
class MyApplicationsPageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** DSAL's backend: files applications at once, then never answers a status request. */
    private static final HangingBackend DSAL = new HangingBackend();

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder()
            .env(CatalogWiring.BACKEND_URL, "http://127.0.0.1:" + DSAL.port() + "/dsal/")
            .build();

    @AfterAll
    static void stopBackend() {
        DSAL.stop();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en,      applicant1, Received, Status unavailable right now,   These agencies cannot be reached right now: DSAL.",
        "zh-Hant, applicant2, 已收件,    暫時未能顯示狀態,                暫時未能連接以下部門：DSAL。",
        "pt,      applicant3, Recebido, Estado indisponível de momento, Não é possível contactar estes serviços neste momento: DSAL.",
    })
    void listsBothAgenciesApplicationsAndMarksTheOneWhoseBackendHangs(String lang, String user, String received,
            String unavailable, String notice) {
        // applied to SAFP's workflow directly, before the page: listed too
        String direct = submitDirectly(user);

        WebDriver page = browser.open("/applications?lang=" + lang);
        new Select(page.findElement(By.id("username"))).selectByVisibleText(user);
        page.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), user));
        apply(page, "SAFP-RECRUIT", 2);
        apply(page, "DSAL-JOBSEEK", 3);

        assertThat(status(page, direct)).isEqualTo(received);
        List<WebElement> rows = page.findElements(By.cssSelector("#mine tbody tr"));
        assertThat(rows).extracting(r -> r.getDomAttribute("data-agency")).containsExactlyInAnyOrder("SAFP", "SAFP",
                "DSAL");
        for (WebElement row : rows) {
            String reference = row.getDomAttribute("data-reference");
            boolean dsal = "DSAL".equals(row.getDomAttribute("data-agency"));
            assertThat(row.getDomAttribute("data-available")).as(reference).isEqualTo(dsal ? "false" : "true");
            assertThat(status(page, reference)).as(reference).isEqualTo(dsal ? unavailable : received);
        }
        assertThat(browser.text("#unavailable")).startsWith(notice);
        assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
        assertThat(PageChecks.problems(page)).isEmpty();
        browser.screenshot("my-applications-" + lang);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en", "zh-Hant", "pt"})
    void passesThePageChecksOnAPhone(String lang) {
        browser.resizeWindow(360, 740);
        WebDriver page = browser.open("/applications?lang=" + lang);

        assertThat(PageChecks.problems(page)).isEmpty();
        browser.screenshot("my-applications-" + lang + "-phone");
    }

    /** Clicks the service's Apply button and waits until the list shows {@code expectedRows} applications. */
    private static void apply(WebDriver page, String service, int expectedRows) {
        page.findElement(By.cssSelector("button[data-apply='" + service + "']")).click();
        browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#mine tbody tr"), expectedRows));
        assertThat(browser.text("#receipt")).contains(page.findElement(By.id("receipt")).getDomAttribute("data-reference"));
    }

    private static String status(WebDriver page, String reference) {
        return page.findElement(By.cssSelector("#mine tr[data-reference='" + reference + "'] td.status")).getText();
    }

    private static String submitDirectly(String user) {
        HttpClient client = HttpClient.newHttpClient();
        try {
            String token = JSON.readTree(client.send(HttpRequest.newBuilder(browser.url("/api/v1/dev/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
            HttpResponse<String> submitted = client.send(HttpRequest.newBuilder(browser.url("/api/v1/applications"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"type\":\"recruitment\",\"agency\":\"SAFP\",\"formData\":{}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            JsonNode body = JSON.readTree(submitted.body());
            return body.at("/application/referenceNumber").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An agency backend speaking HttpServiceConnector's protocol that never answers status requests. */
    private static final class HangingBackend {
        private final HttpServer server;
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger filed = new AtomicInteger();

        HangingBackend() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/dsal/applications", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            released.countDown();
            server.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestURI().getPath().endsWith("/statuses")) {
                    // hangs: the single window must answer without it
                    released.await(1, TimeUnit.MINUTES);
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                int n = filed.incrementAndGet();
                byte[] body = ("{\"applicationId\":\"dsal-" + n + "\",\"referenceNumber\":\"DSAL-2026-" + (1000 + n)
                        + "\",\"accessCode\":\"code-" + n + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
