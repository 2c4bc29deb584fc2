package io.gcam.samples.portal.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The staff records page in a real headless Chromium, served by the real portal in demo mode. */
class RecordsPageBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().build();

    @Test
    void browsesSeesTheCustodyTimelineTransfersAndAcknowledges() {
        WebDriver page = browser.open("/records?lang=en");
        signIn(page, "reviewer1");

        List<WebElement> rows = page.findElements(By.cssSelector("#records tbody tr"));
        assertThat(rows).as("the confidential appeal is not listed to the reviewer").hasSize(1);
        assertThat(rows.get(0).getText()).contains("Recruitment 2026: clerk", "INTERNAL", "SAFP / HR");
        rows.get(0).findElement(By.tagName("a")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("verification"), "intact"));
        assertThat(actions(page)).startsWith("record.registered");

        page.findElement(By.cssSelector("#transfer input[name=note]")).sendKeys("campaign closed");
        page.findElement(By.cssSelector("#transfer button")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.id("message"), "Transfer sent; it waits for acknowledgement."));
        browser.waitUntil(d -> actions(d).contains("record.transfer_sent"));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#timeline li[data-action='record.transfer_sent']"), "Transfer sent"));
        assertThat(browser.text("#timeline li[data-action='record.transfer_sent']")).contains("demo-reviewer1");

        signIn(page, "approver1");
        WebElement pending = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#pending li[data-transfer]")));
        assertThat(pending.getText()).contains("SAFP / HR → SAFP / ARCHIVE");
        pending.findElement(By.tagName("button")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.id("message"), "Receipt acknowledged."));
        browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pending li[data-transfer]"), 0));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#records tbody tr"),
                "SAFP / ARCHIVE"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, Records, Custody timeline", "zh-Hant, 檔案管理, 保管記錄", "pt, Arquivo, Cadeia de custódia"})
    void speaksThePageLanguageAndPassesThePageChecks(String lang, String heading, String timeline) {
        WebDriver page = browser.open("/records?lang=" + lang);
        assertThat(browser.text("h1")).isEqualTo(heading);
        signIn(page, "reviewer1");
        page.findElement(By.cssSelector("#records tbody tr a")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
        browser.waitUntil(d -> !d.findElement(By.id("verification")).getText().isEmpty());

        assertThat(page.findElement(By.cssSelector("#detail h2")).getText()).startsWith(timeline);
        assertThat(page.findElement(By.cssSelector("#timeline li")).getText()).doesNotContain("record.registered");
        assertThat(PageChecks.problems(page)).as("desktop").isEmpty();
        browser.screenshot("records-" + lang + "-desktop");
        browser.resizeWindow(360, 740);
        assertThat(PageChecks.problems(page)).as("phone").isEmpty();
        browser.screenshot("records-" + lang + "-phone");
    }

    private static void signIn(WebDriver page, String user) {
        new Select(page.findElement(By.name("username"))).selectByVisibleText(user);
        page.findElement(By.cssSelector("#signin button")).click();
        browser.waitUntil(ExpectedConditions.attributeToBe(By.tagName("body"), "data-signed-in", user));
    }

    /** Reads the timeline in one script call, so that a re-rendered list is never read half-way. */
    private static List<String> actions(WebDriver page) {
        Object actions = ((JavascriptExecutor) page).executeScript(
                "return [...document.querySelectorAll('#timeline li')].map(li => li.dataset.action);");
        return ((List<?>) actions).stream().map(String::valueOf).toList();
    }
}
