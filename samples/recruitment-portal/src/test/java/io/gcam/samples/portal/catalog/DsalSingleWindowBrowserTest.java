package io.gcam.samples.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * DSAL's side of the single window in a real headless Chromium: a citizen's job-seeker registration,
 * filed through the single window (over HTTP to DSAL's backend), reaches DSAL's employment officer in
 * the staff inbox, and the officer's decision shows on the citizen's "My applications", in each language.
 */
class DsalSingleWindowBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en,      applicant1, Received, Register,  Registered",
        "zh-Hant, applicant2, 已收件,    登記,      已登記",
        "pt,      applicant3, Recebido, Inscrever, Inscrito",
    })
    void theOfficerRegistersAJobSeekerFiledThroughTheSingleWindowAndTheCitizenSeesIt(String lang, String user,
            String received, String register, String registered) {
        JsonNode receipt = api("/api/v1/catalog/services/DSAL-JOBSEEK/applications", "{\"formData\":{}}", login(user));
        String reference = receipt.at("/referenceNumber").asText();
        By row = By.cssSelector("tr[data-reference='" + reference + "']");

        WebDriver page = signedOut("/staff/inbox?lang=" + lang);
        new Select(page.findElement(By.id("username"))).selectByVisibleText("officer1");
        page.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        WebElement waiting = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(waiting.findElements(By.tagName("td")).get(1).getText()).isEqualTo(received);
        assertThat(waiting.findElement(By.cssSelector("button[data-action=register]")).getText()).isEqualTo(register);
        assertThat(PageChecks.problems(page)).isEmpty();
        browser.screenshot("inbox-dsal-" + lang);
        waiting.findElement(By.cssSelector("button[data-action=register]")).click();
        // registered is final: it leaves the inbox
        browser.waitUntil(ExpectedConditions.numberOfElementsToBe(row, 0));

        page = signedOut("/applications?lang=" + lang);
        new Select(page.findElement(By.id("username"))).selectByVisibleText(user);
        page.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        WebElement listed = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(listed.getDomAttribute("data-agency")).isEqualTo("DSAL");
        assertThat(listed.findElement(By.cssSelector("td.status")).getText()).isEqualTo(registered);
        assertThat(page.findElement(By.id("unavailable")).isDisplayed()).isFalse();
        assertThat(PageChecks.problems(page)).isEmpty();
    }

    /** Opens the page without the session an earlier test left in the shared browser. */
    private static WebDriver signedOut(String path) {
        ((JavascriptExecutor) browser.open(path)).executeScript("sessionStorage.clear()");
        return browser.open(path);
    }

    private static String login(String user) {
        return api("/api/v1/dev/login", "{\"username\":\"" + user + "\"}", null).get("token").asText();
    }

    private static JsonNode api(String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(browser.url(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode() / 100).as(path + ": " + response.body()).isEqualTo(2);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
