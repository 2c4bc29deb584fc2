package io.gcam.samples.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The staff inbox and the applicant's status page in a real headless Chromium. */
class WorkflowPagesBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

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

    private static String login(String user) {
        return api("/api/v1/dev/login", "{\"username\":\"" + user + "\"}", null).get("token").asText();
    }

    private static JsonNode submit() {
        return api("/api/v1/applications", "{\"type\":\"recruitment\",\"agency\":\"SAFP\",\"formData\":{}}",
                login("applicant1"));
    }

    private static void signIn(WebDriver page, String user) {
        new Select(page.findElement(By.id("username"))).selectByVisibleText(user);
        page.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), user));
    }

    private static By row(String reference) {
        return By.cssSelector("tr[data-reference='" + reference + "']");
    }

    private static List<String> buttons(WebElement row) {
        return row.findElements(By.cssSelector("button[data-action]")).stream().map(WebElement::getText).toList();
    }

    @Test
    void reviewerScreensAndSendsBackAnApplicationWithTheButtonsAndTheApplicantSeesTheTimeline() {
        JsonNode submission = submit();
        String reference = submission.at("/application/referenceNumber").asText();
        String code = submission.at("/accessCode").asText();

        WebDriver page = browser.open("/staff/inbox?lang=pt");
        signIn(page, "reviewer1");
        WebElement received = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(row(reference)));
        assertThat(received.findElements(By.tagName("td")).get(1).getText()).isEqualTo("Recebido");
        assertThat(buttons(received)).containsExactly("Iniciar triagem");
        assertThat(PageChecks.problems(page)).isEmpty();
        browser.screenshot("inbox-pt-reviewer");

        received.findElement(By.cssSelector("button[data-action=start_screening]")).click();
        WebElement screening = browser.waitUntil(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-reference='" + reference
                        + "'][data-state=screening]")));
        assertThat(screening.findElements(By.tagName("td")).get(1).getText()).isEqualTo("Em análise");
        assertThat(buttons(screening)).containsExactly("Devolver para documentos", "Convocar para entrevista",
                "Rejeitar");

        // a send-back needs a comment: without one the page shows the API's reason in Portuguese
        screening.findElement(By.cssSelector("button[data-action=request_documents]")).click();
        browser.waitUntil(d -> !d.findElement(row(reference)).findElement(By.tagName("output")).getText().isEmpty());
        assertThat(page.findElement(row(reference)).findElement(By.tagName("output")).getText())
                .contains("comentário");

        WebElement again = page.findElement(row(reference));
        again.findElement(By.name("comment")).sendKeys("Falta a cópia do diploma");
        again.findElement(By.cssSelector("button[data-action=request_documents]")).click();
        // documents_requested waits for the applicant: it leaves the reviewer's inbox
        browser.waitUntil(ExpectedConditions.numberOfElementsToBe(row(reference), 0));

        page = browser.open("/status?lang=zh-Hant");
        page.findElement(By.id("reference")).sendKeys(reference);
        page.findElement(By.id("accessCode")).sendKeys(code);
        page.findElement(By.cssSelector("#inquiry button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        assertThat(browser.text("#status")).isEqualTo("需補交文件");
        assertThat(page.findElements(By.cssSelector("ol.timeline li")).stream().map(WebElement::getText)
                .map(t -> t.substring(t.indexOf('—') + 1).strip()).toList())
                .containsExactly("已收件", "審查中", "需補交文件");
        assertThat(page.getPageSource()).doesNotContain("Falta a cópia do diploma");
        assertThat(PageChecks.problems(page)).isEmpty();
        browser.screenshot("status-zh-Hant-desktop");
        browser.resizeWindow(360, 740);
        assertThat(PageChecks.problems(page)).as("phone").isEmpty();
        browser.screenshot("status-zh-Hant-phone");
    }

    @Test
    void showsEachStaffMemberOnlyTheButtonsTheirRolesAllow() {
        JsonNode submission = submit();
        String reference = submission.at("/application/referenceNumber").asText();
        api("/api/v1/applications/" + submission.at("/application/id").asText() + "/actions/start_screening", "{}",
                login("reviewer1"));

        WebDriver page = browser.open("/staff/inbox?lang=en");
        signIn(page, "approver1");
        WebElement screening = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(row(reference)));
        // in screening an approver may only reject; screening, sending back and interviews are the reviewer's
        assertThat(buttons(screening)).containsExactly("Reject");
        assertThat(PageChecks.problems(page)).isEmpty();
        browser.resizeWindow(360, 740);
        assertThat(PageChecks.problems(page)).as("phone").isEmpty();
        browser.screenshot("inbox-en-approver-phone");
    }
}
