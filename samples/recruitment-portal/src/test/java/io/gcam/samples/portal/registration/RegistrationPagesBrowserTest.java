package io.gcam.samples.portal.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * The registration pages in a real headless Chromium, on the real portal with the seeded exam (hall A:
 * 2 seats, hall B: 1 seat, waitlist of 3; applicant3 is too young). The tests build on each other in
 * order: one portal serves the whole class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationPagesBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().build();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"/registration, en", "/registration, zh-Hant", "/registration, pt",
        "/registration/staff, en", "/registration/staff, zh-Hant", "/registration/staff, pt"})
    @Order(1)
    void passTheChecksOnADesktopAndAPhone(String path, String lang) {
        WebDriver page = browser.open(path + "?lang=" + lang);
        assertThat(PageChecks.problems(page)).as("desktop").isEmpty();

        browser.resizeWindow(360, 740);
        page.navigate().refresh();
        assertThat(PageChecks.problems(page)).as("phone").isEmpty();
        browser.screenshot(path.substring(1).replace('/', '-') + "-" + lang + "-phone");
    }

    @Test
    @Order(2)
    void anApplicantRegistersAndIsConfirmedWithACandidateNumber() {
        WebDriver page = browser.open("/registration?lang=en");
        signIn(page, "applicant2", "Signed in as demo-applicant2.");

        registerButtons(page).get(1).click(); // hall B, its only seat

        WebElement result = outcome("CONFIRMED");
        assertThat(result.getText()).matches("Registration confirmed\\. Your candidate number is EX\\d{2}-\\d{5}-\\d{2}\\.");
        String number = result.getText().replaceAll(".* is (\\S+)\\.$", "$1");
        browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector("tr[data-session] + tr[data-session] .free"), "0"));
        List<WebElement> mine = myRegistrations(page, 1);
        assertThat(summary(mine.get(0))).containsExactly("Macao Polytechnic University, Hall B", "Confirmed", number,
                "Cancel", "Change session");
        assertThat(PageChecks.problems(page)).isEmpty();
    }

    @Test
    @Order(3)
    void aFullSessionPutsTheNextApplicantOnTheWaitlistWhoThenCancels() {
        WebDriver page = browser.open("/registration?lang=zh-Hant");
        signIn(page, "applicant1", "已登入：demo-applicant1。");

        registerButtons(page).get(1).click(); // hall B is full now

        assertThat(outcome("WAITLISTED").getText()).isEqualTo("場次已額滿：您在候補名單的第 1位。");
        browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector("tr[data-session] + tr[data-session] .waiting"), "1"));
        List<WebElement> mine = myRegistrations(page, 1);
        assertThat(summary(mine.get(0))).containsExactly("澳門理工大學 B 禮堂", "候補中", "候補第 1 位", "取消報名", "更改場次");

        mine.get(0).findElement(By.cssSelector("button.cancel")).click();

        assertThat(outcome("CANCELLED").getText()).isEqualTo("您的報名已取消。");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#my-registrations tr[data-status=CANCELLED]")));
        assertThat(summary(myRegistrations(page, 1).get(0))).containsExactly("澳門理工大學 B 禮堂", "已取消", "", "");
        assertThat(browser.text("tr[data-session] + tr[data-session] .waiting")).isEqualTo("0");
        assertThat(PageChecks.problems(page)).isEmpty();
    }

    @Test
    @Order(4)
    void anIneligibleApplicantIsRefusedInTheirLanguageAndNothingIsRegistered() {
        WebDriver page = browser.open("/registration?lang=pt");
        signIn(page, "applicant3", "Sessão iniciada como demo-applicant3.");

        registerButtons(page).get(0).click();

        WebElement result = outcome("NOT_ELIGIBLE");
        assertThat(result.getText()).startsWith("Não reúne as condições desta actividade:");
        assertThat(result.getDomAttribute("class")).contains("refused");
        browser.waitUntil(ExpectedConditions.textToBe(By.id("my-empty"), "Ainda não tem inscrições."));
        assertThat(browser.text("tr[data-session] .free")).isEqualTo("2");
    }

    @Test
    @Order(5)
    void staffListTheRegistrationsFilterThemAndExportTheFilteredCsv() {
        WebDriver page = browser.open("/registration/staff?lang=en");
        signIn(page, "admin1", "Signed in as demo-admin1.");
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("filters")));
        assertThat(new Select(page.findElement(By.id("activity"))).getFirstSelectedOption().getText())
                .isEqualTo("Unified recruitment exam");
        browser.waitUntil(ExpectedConditions.textToBe(By.id("counts"), "Confirmed 1, waitlisted 0, cancelled 1."));
        assertThat(rows(page)).extracting(row -> row.getDomAttribute("data-status"))
                .containsExactly("CONFIRMED", "CANCELLED");

        new Select(page.findElement(By.id("status"))).selectByValue("CANCELLED");
        page.findElement(By.cssSelector("#filters button[type=submit]")).click();

        browser.waitUntil(driver -> rows(driver).size() == 1);
        assertThat(cells(rows(page).get(0))).startsWith("demo-applicant1", "Macao Polytechnic University, Hall B",
                "Cancelled", "", "");
        WebElement csv = page.findElement(By.id("csv-export"));
        assertThat(csv.getText()).isEqualTo("Export as CSV (Excel)");
        assertThat(csv.getDomProperty("href")).endsWith("/registrations.csv?status=CANCELLED");
        Map<?, ?> export = fetchWithTheSignedInToken(page, csv.getDomProperty("href"));
        assertThat(export.get("status")).isEqualTo(200L);
        assertThat(export.get("bom")).as("UTF-8 byte order mark, for Excel").isEqualTo(true);
        assertThat((String) export.get("text")).contains("demo-applicant1").doesNotContain("demo-applicant2");
        assertThat(PageChecks.problems(page)).isEmpty();
    }

    @Test
    @Order(6)
    void anApplicantMovesToAnotherSessionWithAFreeSeatAndKeepsTheirNumber() {
        WebDriver page = browser.open("/registration?lang=en");
        signIn(page, "applicant2", "Signed in as demo-applicant2.");
        WebElement row = myRegistrations(page, 1).get(0);
        String number = cells(row).get(2);
        Select target = new Select(row.findElement(By.cssSelector("select.target")));
        assertThat(target.getOptions()).extracting(WebElement::getText)
                .containsExactly("Macao Polytechnic University, Hall A");
        assertThat(row.findElement(By.cssSelector("button.change")).getDomAttribute("aria-label"))
                .isEqualTo("Change session: Macao Polytechnic University, Hall B");

        row.findElement(By.cssSelector("button.change")).click();

        assertThat(outcome("MOVED").getText())
                .isEqualTo("Your registration is now for Macao Polytechnic University, Hall A, confirmed.");
        browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector("tr[data-session] + tr[data-session] .free"), "1"));
        assertThat(browser.text("tr[data-session] .free")).isEqualTo("1");
        assertThat(summary(myRegistrations(page, 1).get(0))).containsExactly("Macao Polytechnic University, Hall A",
                "Confirmed", number, "Cancel", "Change session");
        assertThat(PageChecks.problems(page)).isEmpty();
    }

    @Test
    @Order(7)
    void anotherApplicantTakesTheFreedSeatWithTheChangeOfSessionOfferedInPortuguese() {
        WebDriver page = browser.open("/registration?lang=pt");
        signIn(page, "applicant1", "Sessão iniciada como demo-applicant1.");

        registerButtons(page).get(1).click(); // hall B, freed by the move

        assertThat(outcome("CONFIRMED").getText()).startsWith("Inscrição confirmada.");
        browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector("tr[data-session] + tr[data-session] .free"), "0"));
        WebElement active = page.findElement(By.cssSelector("#my-registrations tr[data-status=CONFIRMED]"));
        assertThat(summary(active)).startsWith("Universidade Politécnica de Macau, Salão B", "Confirmada")
                .endsWith("Cancelar", "Mudar de sessão");
        assertThat(active.findElement(By.cssSelector("label.move")).getText()).startsWith("Mudar para");
        assertThat(PageChecks.problems(page)).isEmpty();
        browser.resizeWindow(360, 740);
        assertThat(PageChecks.problems(page)).as("phone").isEmpty();
    }

    @Test
    @Order(8)
    void aMoveToAFullSessionIsRefusedInChineseAndChangesNothing() {
        WebDriver page = browser.open("/registration?lang=zh-Hant");
        signIn(page, "applicant2", "已登入：demo-applicant2。");
        WebElement row = myRegistrations(page, 1).get(0);

        row.findElement(By.cssSelector("button.change")).click(); // to hall B, full again

        WebElement result = outcome("REGISTRATION_FULL");
        assertThat(result.getText()).isEqualTo("此場次已滿，候補名單未開放或已滿。請選擇其他場次。");
        assertThat(result.getDomAttribute("class")).contains("refused");
        assertThat(summary(myRegistrations(page, 1).get(0))).startsWith("澳門理工大學 A 禮堂", "已確認");
        assertThat(browser.text("tr[data-session] .free")).isEqualTo("1");
        assertThat(PageChecks.problems(page)).isEmpty();
    }

    @Test
    @Order(9)
    void anAdministratorClosesReopensCancelsARegistrationWithAReasonThenCancelsTheActivity() {
        WebDriver page = browser.open("/registration/staff?lang=pt");
        signIn(page, "admin1", "Sessão iniciada como demo-admin1.");
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("staff-actions")));
        browser.waitUntil(ExpectedConditions.textToBe(By.id("activity-status"),
                "Estado desta atividade: aberta a inscrições."));
        assertThat(page.findElement(By.id("open-activity")).isEnabled()).isFalse();

        page.findElement(By.id("close-activity")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.id("activity-status"),
                "Estado desta atividade: inscrições encerradas."));
        assertThat(browser.text("#action-result")).isEqualTo("As inscrições estão encerradas; as existentes mantêm-se.");
        page.findElement(By.id("open-activity")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.id("activity-status"),
                "Estado desta atividade: aberta a inscrições."));

        browser.waitUntil(ExpectedConditions.textToBe(By.id("counts"), "Confirmadas 2, em lista de espera 0, canceladas 1."));
        page.findElement(By.id("reason")).sendKeys("Inscrição em duplicado");
        page.findElement(By.cssSelector("#registrations tr[data-status=CONFIRMED] button.cancel")).click();
        browser.waitUntil(ExpectedConditions.attributeToBe(By.id("action-result"), "data-outcome", "CANCELLED"));
        assertThat(browser.text("#action-result")).matches("A inscrição de demo-applicant\\d foi cancelada\\.");
        browser.waitUntil(ExpectedConditions.textToBe(By.id("counts"), "Confirmadas 1, em lista de espera 0, canceladas 2."));

        page.findElement(By.id("reason")).clear();
        page.findElement(By.id("cancel-activity")).click();
        browser.waitUntil(ExpectedConditions.attributeToBe(By.id("action-result"), "data-outcome", "REASON_REQUIRED"));
        assertThat(browser.text("#activity-status")).isEqualTo("Estado desta atividade: aberta a inscrições.");
        page.findElement(By.id("reason")).sendKeys("O local do exame fica indisponível");
        page.findElement(By.id("cancel-activity")).click();

        browser.waitUntil(ExpectedConditions.textToBe(By.id("activity-status"), "Estado desta atividade: cancelada."));
        assertThat(browser.text("#action-result")).isEqualTo("A atividade foi cancelada, tal como todas as suas inscrições.");
        browser.waitUntil(ExpectedConditions.textToBe(By.id("counts"), "Confirmadas 0, em lista de espera 0, canceladas 3."));
        assertThat(page.findElements(By.cssSelector("#status-buttons button"))).noneMatch(WebElement::isEnabled);
        assertThat(page.findElements(By.cssSelector("#registrations button.cancel"))).isEmpty();
        assertThat(PageChecks.problems(page)).isEmpty();
    }

    @Test
    @Order(10)
    void applicantsSeeTheirRegistrationCancelledWithTheActivity() {
        WebDriver page = browser.open("/registration?lang=zh-Hant");
        assertThat(page.findElements(By.cssSelector("button.register"))).isEmpty();
        signIn(page, "applicant2", "已登入：demo-applicant2。");

        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#my-registrations tr[data-status=CANCELLED]")));
        assertThat(summary(myRegistrations(page, 1).get(0))).as("the venue of a cancelled activity is still named")
                .startsWith("澳門理工大學 A 禮堂", "已取消");
        assertThat(page.findElements(By.cssSelector("#my-registrations button"))).isEmpty();
        assertThat(PageChecks.problems(page)).isEmpty();
    }

    private static void signIn(WebDriver page, String username, String signedIn) {
        // Forget the previous test's sign-in, so that the page lists registrations once, for this user.
        ((JavascriptExecutor) page).executeScript("sessionStorage.clear()");
        page.navigate().refresh();
        WebElement field = page.findElement(By.id("username"));
        field.clear();
        field.sendKeys(username);
        page.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.id("who"), signedIn));
    }

    private static List<WebElement> registerButtons(WebDriver page) {
        List<WebElement> buttons = page.findElements(By.cssSelector("button.register"));
        assertThat(buttons).hasSize(2);
        return buttons;
    }

    private static WebElement outcome(String outcome) {
        browser.waitUntil(ExpectedConditions.attributeToBe(By.id("result"), "data-outcome", outcome));
        return browser.driver().findElement(By.id("result"));
    }

    private static List<WebElement> myRegistrations(WebDriver page, int expected) {
        browser.waitUntil(driver -> driver.findElements(By.cssSelector("#my-registrations tbody tr")).size() == expected);
        return page.findElements(By.cssSelector("#my-registrations tbody tr"));
    }

    private static List<WebElement> rows(WebDriver page) {
        return page.findElements(By.cssSelector("#registrations tbody tr"));
    }

    /** The row's texts, then the names of the buttons in its last cell (a select's options would be noise). */
    private static List<String> summary(WebElement row) {
        List<WebElement> all = row.findElements(By.cssSelector("th, td"));
        List<String> texts = new java.util.ArrayList<>(all.subList(0, all.size() - 1).stream().map(WebElement::getText)
                .toList());
        List<WebElement> buttons = all.get(all.size() - 1).findElements(By.tagName("button"));
        if (buttons.isEmpty()) {
            texts.add(all.get(all.size() - 1).getText());
        }
        buttons.forEach(b -> texts.add(b.getText()));
        return texts;
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }

    /** Downloads what the export link points at, the way its click handler does. */
    private static Map<?, ?> fetchWithTheSignedInToken(WebDriver page, String href) {
        Object result = ((JavascriptExecutor) page).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const response = await fetch(arguments[0], {headers: {
                      'Authorization': 'Bearer ' + sessionStorage.getItem('gcam-registration-staff')}});
                  const bytes = new Uint8Array(await response.arrayBuffer());
                  return {status: response.status, bom: bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF,
                      text: new TextDecoder().decode(bytes)};
                })().then(done, e => done({error: String(e)}));
                """, href);
        assertThat(result).isInstanceOf(Map.class);
        return (Map<?, ?>) result;
    }
}
