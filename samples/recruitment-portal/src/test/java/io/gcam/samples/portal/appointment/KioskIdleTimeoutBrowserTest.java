package io.gcam.samples.portal.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.samples.portal.browser.BrowserSettings;
import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A kiosk left alone clears its screen and the browser's session, and returns to its welcome
 * screen in its default language ({@code GCAM_KIOSK_IDLE_SECONDS}, here two seconds).
 */
class KioskIdleTimeoutBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().env("GCAM_KIOSK_IDLE_SECONDS", "2").build();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en", "zh-Hant", "pt"})
    void clearsTheScreenAndTheSessionWhenLeftAlone(String lang) {
        // the kiosk's own language, from its Accept-Language
        WebDriver page = browser.newBrowser(BrowserSettings.DESKTOP.withAcceptLanguage("pt-PT,pt"));
        page.get(browser.url("/kiosk?lang=" + lang).toString());
        ((JavascriptExecutor) page).executeScript(
                "sessionStorage.setItem('portal-token', 'left-behind'); localStorage.setItem('gcam-application-x', 'y');");
        assertThat(page.findElement(By.tagName("body")).getDomAttribute("data-idle-seconds")).isEqualTo("2");
        page.findElement(By.cssSelector("button.take")).click();
        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket")));
        page.findElement(By.id("reference")).sendKeys("REC-2026-000001");

        new WebDriverWait(page, Duration.ofSeconds(20)).until(ExpectedConditions.not(
                ExpectedConditions.urlContains("lang=")));

        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "pt"));
        assertThat(page.findElement(By.id("ticket")).isDisplayed()).isFalse();
        assertThat(page.findElement(By.id("reference")).getDomProperty("value")).isEmpty();
        assertThat(((JavascriptExecutor) page).executeScript("return sessionStorage.length + localStorage.length"))
                .isEqualTo(0L);
        assertThat(PageChecks.problems(page)).isEmpty();
        assertThat(PageChecks.untranslated(page)).isEmpty();
    }
}
