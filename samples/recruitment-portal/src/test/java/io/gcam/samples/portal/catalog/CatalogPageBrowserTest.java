package io.gcam.samples.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The public catalogue page in a real headless Chromium, served by the real portal over HTTP. */
class CatalogPageBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().build();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "en,      recruitment,  Civil service recruitment,      1 services found",
        "zh-Hant, 招聘,          公務人員招聘,                    找到 1 項服務",
        "pt,      recrutamento, Recrutamento da função pública, 1 serviços encontrados",
    })
    void findsTheRecruitmentServiceByTypingInTheSearchBoxInEachLanguage(String lang, String words, String name,
            String count) {
        WebDriver page = browser.open("/catalog?lang=" + lang);
        assertThat(services(page)).containsExactlyInAnyOrder("DSAL-JOBSEEK", "SAFP-RECRUIT");
        WebElement before = page.findElement(By.tagName("html"));

        WebElement box = page.findElement(By.name("q"));
        box.sendKeys(words);
        box.submit();
        browser.waitUntil(ExpectedConditions.stalenessOf(before));

        assertThat(services(page)).containsExactly("SAFP-RECRUIT");
        assertThat(browser.text("article[data-service=SAFP-RECRUIT] h3")).isEqualTo(name);
        assertThat(browser.text("#count")).isEqualTo(count);
        assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
        assertThat(PageChecks.problems(page)).isEmpty();
        browser.screenshot("catalog-" + lang);
    }

    @Test
    void filtersByChannel() {
        WebDriver page = browser.open("/catalog?lang=en&channel=PHONE");

        assertThat(services(page)).containsExactly("DSAL-JOBSEEK");
        assertThat(browser.text("article[data-service=DSAL-JOBSEEK] .meta")).isEqualTo("DSAL · Online, Counter, Phone");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en,      Identity card,              Diploma,  Curriculum vitae, Documents",
        "zh-Hant, 身份證明文件,                學歷證明, 履歷,              所需文件",
        "pt,      Documento de identificação, Diploma,  Curriculum vitae, Documentos",
    })
    void namesTheRequiredDocumentsOfEachStepInTheLanguageOfThePage(String lang, String idCard, String diploma,
            String cv, String documents) {
        WebDriver page = browser.open("/catalog?lang=" + lang);

        assertThat(browser.text("article[data-service=SAFP-RECRUIT] li:first-child"))
                .endsWith(documents + ": " + idCard + ", " + diploma);
        assertThat(browser.text("article[data-service=DSAL-JOBSEEK] li:first-child"))
                .endsWith(documents + ": " + idCard + ", " + cv);
        assertThat(page.findElements(By.cssSelector("span[data-document]"))).extracting(WebElement::getText)
                .doesNotContain("ID_CARD", "DIPLOMA", "CV");
        assertThat(PageChecks.problems(page)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en", "zh-Hant", "pt"})
    void passesThePageChecksOnAPhone(String lang) {
        browser.resizeWindow(360, 740);
        WebDriver page = browser.open("/catalog?lang=" + lang);

        assertThat(PageChecks.problems(page)).isEmpty();
        browser.screenshot("catalog-" + lang + "-phone");
    }

    private static List<String> services(WebDriver page) {
        return page.findElements(By.cssSelector("article[data-service]")).stream()
                .map(e -> e.getDomAttribute("data-service")).toList();
    }
}
