package io.gcam.samples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.samples.portal.browser.BrowserSettings;
import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The home page in a real headless Chromium, served by the real portal over HTTP. */
class HomePageBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().build();

    private static final String ENGLISH = "Civil Service Recruitment Portal";
    private static final String CHINESE = "公務人員招聘入口網站";
    private static final String PORTUGUESE = "Portal de Recrutamento da Função Pública";

    @Test
    void showsEnglishToABrowserThatPrefersEnglish() {
        WebDriver page = browser.open("/");

        assertThat(page.getTitle()).isEqualTo(ENGLISH);
        assertThat(browser.text("h1")).isEqualTo(ENGLISH);
        assertThat(lang(page)).isEqualTo("en");
        assertThat(currentLanguageLink(page)).isEqualTo("English");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "en,      繁體中文,   zh-Hant, " + CHINESE,
        "en,      Português, pt,      " + PORTUGUESE,
        "zh-Hant, English,   en,      " + ENGLISH,
        "zh-Hant, Português, pt,      " + PORTUGUESE,
        "pt,      English,   en,      " + ENGLISH,
        "pt,      繁體中文,   zh-Hant, " + CHINESE,
    })
    void switchesLanguageWhenItsLinkIsClicked(String from, String link, String lang, String title) {
        WebDriver page = browser.open("/?lang=" + from);
        WebElement before = page.findElement(By.tagName("html"));

        page.findElement(By.linkText(link)).click();
        browser.waitUntil(ExpectedConditions.stalenessOf(before));

        assertThat(page.getCurrentUrl()).isEqualTo(browser.url("/?lang=" + lang).toString());
        assertThat(lang(page)).isEqualTo(lang);
        assertThat(page.getTitle()).isEqualTo(title);
        assertThat(browser.text("h1")).isEqualTo(title);
        assertThat(currentLanguageLink(page)).isEqualTo(link);
    }

    @ParameterizedTest(name = "Accept-Language {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "zh-MO,zh,en    | zh-Hant | " + CHINESE + "    | English",
        "fr-FR,fr,pt-PT | pt      | " + PORTUGUESE + " | 繁體中文",
    })
    void followsTheLanguagesTheBrowserAsksForUntilALinkIsClicked(
            String acceptLanguage, String lang, String title, String otherLanguage) {
        WebDriver page = browser.newBrowser(BrowserSettings.DESKTOP.withAcceptLanguage(acceptLanguage));
        page.get(browser.url("/").toString());

        assertThat(lang(page)).isEqualTo(lang);
        assertThat(page.getTitle()).isEqualTo(title);
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo(title);

        WebElement link = page.findElement(By.linkText(otherLanguage));
        String otherLang = link.getDomAttribute("lang");
        link.click();
        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", otherLang));
        assertThat(currentLanguageLink(page)).isEqualTo(otherLanguage);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en", "zh-Hant", "pt"})
    void passesThePageChecksOnADesktopAndAPhone(String lang) {
        WebDriver page = browser.open("/?lang=" + lang);
        assertThat(PageChecks.problems(page)).as("desktop").isEmpty();
        browser.screenshot("home-" + lang + "-desktop");

        browser.resizeWindow(360, 740);
        page.navigate().refresh();
        assertThat(PageChecks.problems(page)).as("phone").isEmpty();
        browser.screenshot("home-" + lang + "-phone");
    }

    @Test
    void everyDemoUserItListsCanSignIn() {
        WebDriver page = browser.open("/");
        List<WebElement> rows = page.findElements(By.cssSelector("tr[data-demo-user]"));
        assertThat(rows).extracting(row -> row.getDomAttribute("data-demo-user"))
                .containsExactly("applicant1", "applicant2", "applicant3", "reviewer1", "approver1", "admin1", "editor1",
                        "officer1");

        for (WebElement row : rows) {
            String username = row.getDomAttribute("data-demo-user");
            Map<?, ?> result = signInFromThePage(page, username);

            assertThat(result.get("login")).as(username).isEqualTo(200L);
            assertThat(result.get("me")).as(username).isEqualTo(200L);
            Map<?, ?> actor = (Map<?, ?>) result.get("actor");
            assertThat(actor.get("subjectId")).isEqualTo("demo-" + username);
            // The page says who each user is: user, kind, roles, agency.
            List<String> cells = row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
            List<?> roles = (List<?>) actor.get("roles");
            assertThat(cells).containsExactly(username,
                    "STAFF".equals(actor.get("kind")) ? "Staff" : "Applicant",
                    String.join(", ", roles.stream().map(String::valueOf).sorted().toList()),
                    actor.get("agency") == null ? "" : String.valueOf(actor.get("agency")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, Service status", "zh-Hant, 服務狀態", "pt, Estado do serviço"})
    void linksToTheServiceStatusThatTheBrowserShowsAsJson(String lang, String link) throws Exception {
        WebDriver page = browser.open("/?lang=" + lang);

        page.findElement(By.linkText(link)).click();
        browser.waitUntil(ExpectedConditions.urlToBe(browser.url("/health").toString()));

        Object contentType = ((JavascriptExecutor) page).executeScript("return document.contentType");
        assertThat(contentType).isEqualTo("application/json");
        JsonNode health = new ObjectMapper().readTree(page.findElement(By.tagName("pre")).getText());
        assertThat(health.get("status").asText()).isEqualTo("UP");
    }

    /** Signs in the way the page tells (POST /api/v1/dev/login), with the browser's own fetch. */
    private static Map<?, ?> signInFromThePage(WebDriver page, String username) {
        Object result = ((JavascriptExecutor) page).executeAsyncScript("""
                const username = arguments[0];
                const done = arguments[arguments.length - 1];
                (async () => {
                  const login = await fetch('/api/v1/dev/login', {
                    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({username})});
                  const session = await login.json();
                  const me = await fetch('/api/v1/me', {headers: {'Authorization': 'Bearer ' + session.token}});
                  return {login: login.status, me: me.status, actor: await me.json()};
                })().then(done, e => done({error: String(e)}));
                """, username);
        assertThat(result).isInstanceOf(Map.class);
        return (Map<?, ?>) result;
    }

    private static String lang(WebDriver page) {
        return page.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    private static String currentLanguageLink(WebDriver page) {
        return page.findElement(By.cssSelector("nav a[aria-current=page]")).getText();
    }
}
