package io.gcam.samples.portal.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The kiosk screen in a real headless Chromium, in each language: touch targets of at least 64 by
 * 64 pixels, no link off the kiosk, the status of an application by reference number and access
 * code, and receipts that print on their own.
 */
class KioskBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().build();

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en", "zh-Hant", "pt"})
    void hasLargeTouchTargetsAndNoLinkOffTheKiosk(String lang) {
        WebDriver page = browser.open("/kiosk?lang=" + lang);

        assertThat(PageChecks.problems(page)).isEmpty();
        assertThat(PageChecks.untranslated(page)).isEmpty();
        List<?> small = (List<?>) ((JavascriptExecutor) page).executeScript("""
                return [...document.querySelectorAll('a, button, input, select')]
                  .filter(e => e.getClientRects().length > 0)
                  .map(e => [e.outerHTML.substring(0, 60), e.getBoundingClientRect()])
                  .filter(([, r]) => r.width < 64 || r.height < 64)
                  .map(([html, r]) => html + ' is ' + Math.round(r.width) + 'x' + Math.round(r.height));
                """);
        assertThat(small).as("touch targets smaller than 64x64").isEmpty();
        assertThat(page.findElements(By.cssSelector("a[href]")))
                .extracting(a -> URI.create(a.getDomAttribute("href")))
                .allSatisfy(href -> {
                    assertThat(href.getHost()).isNull();
                    assertThat(href.getPath()).isEqualTo("/kiosk");
                })
                .extracting(URI::getQuery)
                .anyMatch(q -> q.endsWith("lang=en")).anyMatch(q -> q.endsWith("lang=zh-Hant"))
                .anyMatch(q -> q.endsWith("lang=pt"));
        Object fontSize = ((JavascriptExecutor) page).executeScript(
                "return parseFloat(getComputedStyle(document.body).fontSize)");
        assertThat(((Number) fontSize).doubleValue()).isGreaterThanOrEqualTo(24);
        browser.screenshot("kiosk-" + lang);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en,      Received, Your ticket",
        "zh-Hant, 已收件,   您的籌號",
        "pt,      Recebido, A sua senha",
    })
    void showsTheStatusByReferenceAndAccessCodeAndPrintsEachReceiptOnItsOwn(String lang, String received,
            String yourTicket) throws Exception {
        String[] application = submitApplication();
        WebDriver page = browser.open("/kiosk?lang=" + lang);
        ((JavascriptExecutor) page).executeScript("window.printed = 0; window.print = () => { window.printed++; };");

        page.findElement(By.cssSelector("button.take")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("ticket")));
        assertThat(browser.text("#ticket-heading")).isEqualTo(yourTicket);

        page.findElement(By.id("reference")).sendKeys(application[0]);
        page.findElement(By.id("access-code")).sendKeys("WRONG-CODE");
        page.findElement(By.cssSelector("#status-inquiry button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.textMatches(By.id("status-error"), java.util.regex.Pattern.compile(".+")));
        assertThat(page.findElement(By.id("status-result")).isDisplayed()).isFalse();
        assertThat(PageChecks.untranslated(page)).isEmpty();

        page.findElement(By.id("reference")).clear();
        page.findElement(By.id("reference")).sendKeys(application[0]);
        page.findElement(By.id("access-code")).clear();
        page.findElement(By.id("access-code")).sendKeys(application[1]);
        page.findElement(By.cssSelector("#status-inquiry button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("status-result")));
        assertThat(browser.text("#status")).isEqualTo(received);
        assertThat(browser.text("#status-reference")).isEqualTo(application[0]);
        assertThat(browser.text("#status-error")).isEmpty();
        assertThat(page.findElement(By.id("reference")).getDomProperty("value")).as("the form is cleared").isEmpty();
        assertThat(PageChecks.problems(page)).isEmpty();
        assertThat(PageChecks.untranslated(page)).isEmpty();

        page.findElement(By.cssSelector("#status-result button.print")).click();
        assertThat(printed(page)).isEqualTo(1);
        assertThat(printedElements(page)).containsExactly("status-result");
        browser.screenshot("kiosk-status-" + lang);

        page.findElement(By.cssSelector("#ticket button.print")).click();
        assertThat(printed(page)).isEqualTo(2);
        assertThat(printedElements(page)).containsExactly("ticket");
    }

    /** What the page shows when printed: the ids of the visible sections and headings, as printing lays them out. */
    private static List<String> printedElements(WebDriver page) {
        HasCdp cdp = (HasCdp) page;
        cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            List<String> shown = page.findElements(By.cssSelector("main > *, nav, h1")).stream()
                    .filter(WebElement::isDisplayed)
                    .map(e -> e.getDomAttribute("id") == null ? e.getTagName() : e.getDomAttribute("id"))
                    .toList();
            for (WebElement button : page.findElements(By.cssSelector("button"))) {
                assertThat(button.isDisplayed()).as("buttons are not printed").isFalse();
            }
            return shown;
        } finally {
            cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static long printed(WebDriver page) {
        return ((Number) ((JavascriptExecutor) page).executeScript("return window.printed")).longValue();
    }

    /** Arranges an application to look up (with the API: the journey test submits one through the pages). */
    private static String[] submitApplication() throws Exception {
        JsonNode login = JSON.readTree(post("api/v1/dev/login", null, "{\"username\":\"applicant2\"}"));
        JsonNode submitted = JSON.readTree(post("api/v1/applications", login.get("token").asText(),
                "{\"type\":\"recruitment\",\"agency\":\"SAFP\",\"formData\":{}}"));
        return new String[] {submitted.at("/application/referenceNumber").asText(), submitted.get("accessCode").asText()};
    }

    private static String post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(browser.url(path))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
        return response.body();
    }
}
