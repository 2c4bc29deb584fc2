package io.gcam.samples.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

/** The page checks find what they promise to find, and pass a page that has none of it. */
class PageChecksBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().build();

    private static final String GOOD_HEAD = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Good</title></head>";

    @Test
    void passesAPlainAccessiblePage() {
        WebDriver page = show(GOOD_HEAD + "<body><main><h1>Title</h1><h2>Part</h2>"
                + "<p style=\"color:#595959\">Grey text at 7:1</p>"
                + "<label for=\"name\">Name</label><input id=\"name\"><img src=\"x.png\" alt=\"\">"
                + "<a href=\"#top\">Top</a><button>Send</button></main></body></html>");

        assertThat(PageChecks.problems(page)).isEmpty();
    }

    @Test
    void reportsAMissingLanguageTitleMainAndH1() {
        WebDriver page = show("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>Text</p></body></html>");

        assertThat(PageChecks.problems(page)).contains(
                "the html element has no lang attribute",
                "the page has no title",
                "expected one h1, found 0",
                "the page has no main landmark");
    }

    @Test
    void reportsSkippedHeadingLevelsAndUnnamedControls() {
        WebDriver page = show(GOOD_HEAD + "<body><main><h1>Title</h1><h3>Too deep</h3>"
                + "<input name=\"email\"><img src=\"x.png\"><a href=\"/next\"></a></main></body></html>");

        assertThat(PageChecks.problems(page))
                .contains("heading level skips from h1 to h3: Too deep", "form control without a label: email",
                        "image without alt: x.png")
                .anySatisfy(problem -> assertThat(problem).startsWith("link or button without a name"));
    }

    @Test
    void reportsTextWithTooLittleContrastButAcceptsLargeTextAtThreeToOne() {
        // #949494 on white is 3.03:1: too little for body text, enough for large text.
        WebDriver page = show(GOOD_HEAD + "<body><main><h1 style=\"font-size:32px;color:#949494\">Large</h1>"
                + "<p style=\"color:#949494\">Small grey</p>"
                + "<div style=\"background:#0b57d0\"><p style=\"color:#1b1b1b\">Dark on blue</p>"
                + "<p style=\"color:#fff\">White on blue</p></div></main></body></html>");

        assertThat(PageChecks.problems(page))
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem).startsWith("low contrast 3.03:1 (needs 4.5:1) of \"Small grey\""))
                .anySatisfy(problem -> assertThat(problem).contains("of \"Dark on blue\""));
    }

    @Test
    void reportsAPageThatScrollsSideways() {
        browser.resizeWindow(360, 740);
        WebDriver page = show(GOOD_HEAD + "<body><main><h1>Wide</h1><div style=\"width:600px\">Wide box</div>"
                + "</main></body></html>");

        assertThat(PageChecks.problems(page)).singleElement().asString().startsWith("the page scrolls sideways: ");
    }

    @Test
    void reportsMessageKeysCodeNamesPlaceholdersAndEnglishOnAChinesePage() {
        WebDriver page = show("<!DOCTYPE html><html lang=\"zh-Hant\"><head><meta charset=\"utf-8\"><title>申請進度</title>"
                + "</head><body><main><h1>申請進度</h1><p>portal.status.title</p><p>DOCUMENTS_REQUESTED</p>"
                + "<p>尚餘 {0} 個</p><button aria-label=\"Sign in\">登入</button><p>Sign in first</p>"
                + "<p>已登入：applicant1。</p><code>WORKFLOW_INQUIRY_FAILED</code><a href=\"#\" lang=\"en\">English only</a>"
                + "<p>REC-2026-000001-7</p></main></body></html>");

        assertThat(PageChecks.untranslated(page)).containsExactly(
                "message key shown as text: \"portal.status.title\" (p)",
                "code name shown as text: \"DOCUMENTS_REQUESTED\" (p)",
                "unfilled placeholder: \"尚餘 {0} 個\" (p)",
                "English text on a Chinese page: \"Sign in first\" (p)",
                "English text on a Chinese page: \"Sign in\" (aria-label of button)");
    }

    @Test
    void acceptsATranslatedPage() {
        WebDriver page = show(GOOD_HEAD.replace("lang=\"en\"", "lang=\"pt\"") + "<body><main><h1>Estado do pedido</h1>"
                + "<p>Recebido · REC-2026-000001-7</p><a href=\"#\" lang=\"zh-Hant\">繁體中文</a></main></body></html>");

        assertThat(PageChecks.untranslated(page)).isEmpty();
    }

    private static WebDriver show(String html) {
        WebDriver page = browser.driver();
        page.get("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
        return page;
    }
}
