package io.gcam.samples.portal.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The booking calendar, kiosk, counter and board pages in a real headless Chromium. */
class AppointmentPagesBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().build();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "appointments, en,      Book an appointment",
        "appointments, zh-Hant, 預約服務",
        "appointments, pt,      Marcar atendimento",
        "kiosk,        en,      Welcome",
        "kiosk,        zh-Hant, 歡迎",
        "kiosk,        pt,      Bem-vindo",
        "counter,      en,      Counter",
        "counter,      zh-Hant, 櫃檯",
        "counter,      pt,      Balcão",
        "board,        en,      Now serving",
        "board,        zh-Hant, 現正服務",
        "board,        pt,      Em atendimento",
    })
    void showsEachPageInEachLanguageAndPassesThePageChecks(String path, String lang, String title) {
        WebDriver page = browser.open("/" + path + "?lang=" + lang);

        assertThat(page.getTitle()).isEqualTo(title);
        assertThat(browser.text("h1")).isEqualTo(title);
        assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
        assertThat(PageChecks.problems(page)).isEmpty();
        browser.screenshot("appointment-" + path + "-" + lang);
    }

    @Test
    void anApplicantBooksATimeAndTheKioskCounterAndBoardRunTheQueue() {
        WebDriver page = browser.open("/appointments?lang=zh-Hant");
        page.findElement(By.cssSelector("#find button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector("button.slot")));
        assertThat(page.findElement(By.cssSelector("button.slot")).getText()).contains("尚餘 2 個");
        page.findElement(By.cssSelector("button.slot")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("booked")));
        assertThat(browser.text("#booked")).startsWith("已預約").contains("您的管理碼：");
        assertThat(page.findElement(By.cssSelector("#result a[download]")).getText()).isEqualTo("加入我的行事曆 (.ics)");

        page = browser.open("/kiosk?lang=en");
        page.findElement(By.cssSelector("button.take")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("number")));
        String number = browser.text("#number").substring("Your number: ".length());
        assertThat(number).matches("A\\d{3}");

        page = browser.open("/counter?lang=pt");
        page.findElement(By.id("call")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("current"), number));
        assertThat(browser.text("#current")).isEqualTo(number + " - CALLED");

        browser.open("/board?lang=en");
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#board tbody"), number));
        assertThat(browser.text("#board tbody")).contains(number);
    }
}
