package io.gcam.samples.portal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.GcamLocales;
import io.gcam.documents.DocumentErrorCode;
import io.gcam.documents.DocumentRejectedException;
import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The document upload page in a real headless Chromium: an accepted file is listed, a refused one explained. */
class UploadPageBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().build();

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n"
            + "<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Size 3 /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path files;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en,      Diploma,  Upload refused:",
        "zh-Hant, 學歷證明, 上載被拒：",
        "pt,      Diploma,  Carregamento recusado:",
    })
    void listsAnAcceptedUploadAndExplainsARefusalInThePagesLanguage(String lang, String diploma, String refused)
            throws IOException {
        Locale locale = Locale.forLanguageTag(lang);
        Path pdf = Files.write(files.resolve("diploma-" + lang + ".pdf"), PDF);
        Path png = files.resolve("photo.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        WebDriver page = browser.open("/documents?lang=" + lang);
        assertThat(PageChecks.problems(page)).as("empty page").isEmpty();
        WebElement reference = page.findElement(By.name("ownerRef"));
        reference.clear();
        reference.sendKeys("REC-BROWSER-" + lang);

        new Select(page.findElement(By.name("type"))).selectByValue("diploma");
        page.findElement(By.name("file")).sendKeys(pdf.toAbsolutePath().toString());
        page.findElement(By.cssSelector("#upload button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#uploaded li"), 1));

        WebElement listed = page.findElement(By.cssSelector("#uploaded li"));
        assertThat(listed.getDomAttribute("data-type")).isEqualTo("diploma");
        assertThat(listed.getText()).startsWith(diploma + ": diploma-" + lang + ".pdf");
        assertThat(page.findElement(By.id("none-yet")).isDisplayed()).isFalse();
        assertThat(page.findElement(By.id("error")).isDisplayed()).isFalse();

        new Select(page.findElement(By.name("type"))).selectByValue("diploma");
        page.findElement(By.name("file")).sendKeys(png.toAbsolutePath().toString());
        page.findElement(By.cssSelector("#upload button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("error")));

        String expected = new DocumentRejectedException(DocumentErrorCode.DOCUMENT_MEDIA_TYPE_NOT_ALLOWED, "image/png",
                "application/pdf").localizedMessage(locale);
        String english = new DocumentRejectedException(DocumentErrorCode.DOCUMENT_MEDIA_TYPE_NOT_ALLOWED, "image/png",
                "application/pdf").localizedMessage(GcamLocales.ENGLISH);
        assertThat(browser.text("#error-message")).isEqualTo(expected);
        if (!lang.equals("en")) {
            assertThat(expected).isNotEqualTo(english);
        }
        assertThat(browser.text("#error-code")).isEqualTo("DOCUMENT_MEDIA_TYPE_NOT_ALLOWED");
        assertThat(browser.text("#error strong")).isEqualTo(refused);
        assertThat(page.findElements(By.cssSelector("#uploaded li"))).hasSize(1);
        // Nothing on the page is an untranslated message key or an unfilled placeholder.
        String text = page.findElement(By.tagName("main")).getText().replace("DOCUMENT_MEDIA_TYPE_NOT_ALLOWED", "");
        assertThat(text).doesNotContainPattern("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b").doesNotContain("{0}", "{1}", "???");
        assertThat(PageChecks.problems(page)).as("page with a listed upload and a refusal").isEmpty();
        browser.screenshot("upload-" + lang);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en", "zh-Hant", "pt"})
    void listsEveryRequirementOfTheChecklist(String lang) {
        WebDriver page = browser.open("/documents?lang=" + lang);

        List<String> types = page.findElements(By.cssSelector("#checklist li")).stream()
                .map(li -> li.getDomAttribute("data-type")).toList();
        assertThat(types).containsExactly("id-card", "diploma", "photo", "cv");
        assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
    }
}
