package io.gcam.samples.portal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The profile page in a real headless Chromium: sign in by email code, create, edit. */
class ProfilePageBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().build();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, My profile", "zh-Hant, 我的個人資料", "pt, O meu perfil"})
    void passesThePageChecksInEachLanguage(String lang, String title) {
        WebDriver page = browser.open("/profile?lang=" + lang);
        assertThat(page.getTitle()).isEqualTo(title);
        assertThat(PageChecks.problems(page)).isEmpty();
    }

    @Test
    void signsInWithACodeFromTheMailboxCreatesAndEditsTheProfile() throws Exception {
        String email = "browser.profile@example.mo";
        WebDriver page = browser.open("/profile?lang=pt");
        page.findElement(By.name("email")).sendKeys(email);
        page.findElement(By.cssSelector("#send button")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.name("code")));
        assertThat(browser.text("#result")).contains("b***@");

        page.findElement(By.name("code")).sendKeys(codeFor(email));
        page.findElement(By.cssSelector("#verify button")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("create")));
        page.findElement(By.id("create")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("edit")));

        WebElement emailField = page.findElement(By.cssSelector("#edit input[name=email]"));
        assertThat(emailField.getDomProperty("value")).isEqualTo(email);
        assertThat(emailField.getDomProperty("readOnly")).isEqualTo("true");
        assertThat(browser.text("#completeness")).startsWith("Perfil completo: ").contains("Ainda em falta:");
        page.findElement(By.cssSelector("#edit input[name=phone]")).sendKeys("+85361234567");
        page.findElement(By.cssSelector("#edit button")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.id("result"), "Guardado como versão 2."));
        assertThat(PageChecks.problems(page)).isEmpty();
    }

    private static String codeFor(String email) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Pattern code = Pattern.compile("(\\d{6})");
        for (int attempt = 0; attempt < 600; attempt++) {
            HttpResponse<String> mail = client.send(HttpRequest.newBuilder(browser.url("/api/v1/dev/mail")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode m : new ObjectMapper().readTree(mail.body())) {
                Matcher matcher = code.matcher(m.get("subject").asText());
                if (m.get("to").asText().equals(email) && matcher.find()) {
                    return matcher.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no code arrived for " + email);
    }
}
