package io.gcam.samples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.samples.portal.browser.BrowserSettings;
import io.gcam.samples.portal.browser.JourneySteps;
import io.gcam.samples.portal.browser.PageChecks;
import io.gcam.samples.portal.browser.PortalBrowser;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole recruitment journey through the portal's pages, in a real headless Chromium against a
 * real portal on its embedded defaults (demo mode), once in each language: a citizen finds the
 * service, signs in with a code by email, completes the profile, registers for the exam, applies
 * and uploads documents, gets the confirmation email; staff send the application back for a
 * document, the citizen uploads it and resubmits, staff invite and approve; the citizen books the
 * interview, checks in and checks the status at the kiosk; staff find the documents filed as a
 * record. Only pages are used, never the API directly; every page is checked for accessibility
 * problems and untranslated texts. A failed step leaves a screenshot and the page source in
 * {@code target/journey-screenshots/<lang>-<nn>-<step>.png}.
 */
class JourneyBrowserTest {

    /** The kiosk checks an appointment in up to 40 days early: the test cannot wait for the interview. */
    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder()
            .env("GCAM_CHECK_IN_EARLY_MINUTES", String.valueOf(40 * 24 * 60))
            .build();

    private static final Path SCREENSHOTS = Path.of("target", "journey-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n"
            + "<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Size 3 /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    /**
     * What the journey types and expects to read in one language.
     *
     * @param tag the language tag of the pages
     * @param search what the citizen searches the catalogue for
     * @param service the service's name in the catalogue
     * @param mailSubject the confirmation email's subject before the reference number
     * @param documentsRequested the status after staff send the application back
     * @param interview the appointment service's name
     * @param checkedIn the kiosk's heading after a check-in
     * @param approved the status after approval
     */
    record Language(String tag, String search, String service, String mailSubject, String documentsRequested,
            String interview, String checkedIn, String approved) {
        @Override
        public String toString() {
            return tag;
        }
    }

    static Stream<Language> languages() {
        return Stream.of(
                new Language("en", "recruitment", "Civil service recruitment", "Application received: ",
                        "Documents requested", "Interview", "You are checked in", "Approved"),
                new Language("zh-Hant", "公務人員招聘", "公務人員招聘", "已收到申請：", "需補交文件", "面試", "您已報到",
                        "已批准"),
                new Language("pt", "recrutamento", "Recrutamento da função pública", "Candidatura recebida: ",
                        "Documentos solicitados", "Entrevista", "Chegada registada", "Aprovado"));
    }

    @TempDir
    Path files;

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void aCitizenAppliesAndStaffDecideThroughThePages(Language language) throws Exception {
        String lang = language.tag();
        String email = "ana." + lang.toLowerCase(Locale.ROOT) + "@example.mo";
        WebDriver citizen = browser.newBrowser(BrowserSettings.DESKTOP.withAcceptLanguage(lang));
        WebDriver staff = browser.newBrowser(BrowserSettings.DESKTOP.withAcceptLanguage(lang));
        JourneySteps steps = JourneySteps.into(SCREENSHOTS, lang);
        Path idCard = Files.write(files.resolve("id-card.pdf"), PDF);
        Path diploma = Files.write(files.resolve("diploma.pdf"), PDF);
        Path photo = files.resolve("photo.png");
        ImageIO.write(new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        Application application = new Application();

        steps.step("find the recruitment service in the catalogue", citizen, () -> {
            open(citizen, "/catalog?lang=" + lang);
            citizen.findElement(By.name("q")).sendKeys(language.search());
            citizen.findElement(By.cssSelector("form[role=search] button")).click();
            WebElement service = wait(citizen, ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("article[data-service='SAFP-RECRUIT']")));
            assertThat(service.findElement(By.tagName("h3")).getText()).isEqualTo(language.service());
            checkPage(citizen);
            // required documents by name, as the portal's document intake calls them
            assertThat(service.getText()).doesNotContain("ID_CARD").contains(Map.of(
                    "en", "Identity card", "zh-Hant", "身份證明文件", "pt", "Documento de identificação").get(lang));
            service.findElement(By.cssSelector("a[href^='/profile']")).click();
            wait(citizen, ExpectedConditions.urlContains("/profile?lang=" + lang));
        });

        steps.step("sign in with a code from the demo mailbox", citizen, () -> {
            checkPage(citizen);
            citizen.findElement(By.name("email")).sendKeys(email);
            citizen.findElement(By.cssSelector("#send button")).click();
            wait(citizen, ExpectedConditions.visibilityOfElementLocated(By.name("code")));
            String code = inMailbox(citizen, lang, email, Pattern.compile("\\b(\\d{6})\\b"));
            citizen.findElement(By.name("code")).sendKeys(code);
            citizen.findElement(By.cssSelector("#verify button")).click();
            wait(citizen, ExpectedConditions.visibilityOfElementLocated(By.id("create")));
        });

        steps.step("complete the profile", citizen, () -> {
            citizen.findElement(By.id("create")).click();
            wait(citizen, ExpectedConditions.visibilityOfElementLocated(By.id("edit")));
            assertThat(citizen.findElement(By.cssSelector("#edit input[name=email]")).getDomProperty("value"))
                    .isEqualTo(email);
            type(citizen, "nameInChinese", "陳安娜");
            type(citizen, "familyName", "CHAN");
            type(citizen, "givenNames", "Ana");
            ((JavascriptExecutor) citizen).executeScript(
                    "document.querySelector('#edit input[name=dateOfBirth]').value = '1998-04-12'");
            type(citizen, "nationality", "MO");
            type(citizen, "phone", "+85366123456");
            choose(citizen, "gender", "FEMALE");
            choose(citizen, "residencyStatus", "PERMANENT_RESIDENT");
            choose(citizen, "preferredLanguage", LANGUAGES.get(lang));
            choose(citizen, "preferredChannel", "EMAIL");
            choose(citizen, "document.type", "MACAU_RESIDENT_IDENTITY_CARD");
            type(citizen, "document.number", "1234" + (int) lang.charAt(0) + "(8)");
            type(citizen, "address.line1", "Rua do Campo 162");
            type(citizen, "address.city", "Macao");
            type(citizen, "address.country", "MO");
            type(citizen, "education.institution", "University of Macau");
            choose(citizen, "education.qualification", "BACHELOR");
            type(citizen, "education.yearCompleted", "2020");
            choose(citizen, "languageSkills.language", "pt");
            choose(citizen, "languageSkills.level", "B2");
            citizen.findElement(By.cssSelector("#edit button[type=submit]")).click();
            wait(citizen, ExpectedConditions.textMatches(By.id("result"), Pattern.compile(".*\\d.*")));
            wait(citizen, ExpectedConditions.textMatches(By.id("completeness"), Pattern.compile(".*100\\s?%.*")));
            checkPage(citizen);
        });

        steps.step("register for the exam", citizen, () -> {
            open(citizen, "/registration?lang=" + lang);
            wait(citizen, ExpectedConditions.textMatches(By.id("who"), Pattern.compile(".*email-.*")));
            // the sessions have a few seats: the journeys in the other languages may have taken them
            WebElement session = citizen.findElements(By.cssSelector("tr[data-session]")).stream()
                    .filter(row -> !row.findElement(By.className("free")).getText().equals("0"))
                    .findFirst().orElseThrow(() -> new AssertionError("no session has a free seat"));
            session.findElement(By.cssSelector("button.register")).click();
            wait(citizen, ExpectedConditions.attributeToBe(By.id("result"), "data-outcome", "CONFIRMED"));
            wait(citizen, ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#my-registrations tr[data-status=CONFIRMED]")));
            checkPage(citizen);
        });

        steps.step("submit the application", citizen, () -> {
            open(citizen, "/documents?lang=" + lang);
            WebElement form = wait(citizen, ExpectedConditions.visibilityOfElementLocated(By.id("submit-application")));
            assertThat(form.findElement(By.name("email")).getDomProperty("value")).isEqualTo(email);
            checkPage(citizen);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait(citizen, ExpectedConditions.visibilityOfElementLocated(By.id("access-code")));
            application.reference = citizen.findElement(By.id("reference")).getText();
            application.accessCode = citizen.findElement(By.id("access-code")).getText();
            assertThat(application.reference).startsWith("REC-");
            assertThat(application.accessCode).isNotBlank();
            assertThat(citizen.findElement(By.name("ownerRef")).getDomProperty("value")).isEqualTo(application.reference);
        });

        steps.step("upload the ID card and the diploma", citizen, () -> {
            upload(citizen, "id-card", idCard, 1);
            upload(citizen, "diploma", diploma, 2);
            checkPage(citizen);
        });

        steps.step("see the confirmation email in the demo mailbox", citizen, () -> {
            String subject = inMailbox(citizen, lang, email, Pattern.compile(
                    "(" + Pattern.quote(language.mailSubject() + application.reference) + ")"));
            assertThat(subject).isEqualTo(language.mailSubject() + application.reference);
        });

        steps.step("a reviewer starts screening and sends it back for a photo", staff, () -> {
            open(staff, "/staff/inbox?lang=" + lang);
            new Select(staff.findElement(By.id("username"))).selectByVisibleText("reviewer1");
            staff.findElement(By.cssSelector("#sign-in button")).click();
            act(staff, application.reference, "submitted", "start_screening", null);
            checkPage(staff);
            act(staff, application.reference, "screening", "request_documents", "Please upload a passport photo.");
            wait(staff, ExpectedConditions.numberOfElementsToBe(rowOf(application.reference), 0));
            checkPage(staff);
        });

        steps.step("the citizen uploads the photo and resubmits", citizen, () -> {
            open(citizen, "/documents?lang=" + lang);
            wait(citizen, ExpectedConditions.visibilityOfElementLocated(By.id("resubmit")));
            assertThat(citizen.findElement(By.id("application-status")).getText()).isEqualTo(language.documentsRequested());
            checkPage(citizen);
            upload(citizen, "photo", photo, 1);
            citizen.findElement(By.id("resubmit")).click();
            wait(citizen, ExpectedConditions.attributeToBe(By.id("application-status"), "data-state", "resubmitted"));
            assertThat(citizen.findElement(By.id("resubmit")).isDisplayed()).isFalse();
            checkPage(citizen);
        });

        steps.step("the reviewer invites the citizen to an interview", staff, () -> {
            open(staff, "/staff/inbox?lang=" + lang);
            act(staff, application.reference, "resubmitted", "invite_to_interview", null);
            // a reviewer may still reject at the interview stage: the row stays, in its new state
            wait(staff, ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#inbox tr[data-reference='" + application.reference + "'][data-state='interview']")));
            checkPage(staff);
        });

        steps.step("an approver approves", staff, () -> {
            new Select(staff.findElement(By.id("username"))).selectByVisibleText("approver1");
            staff.findElement(By.cssSelector("#sign-in button")).click();
            wait(staff, ExpectedConditions.textMatches(By.id("summary"), Pattern.compile(".*approver1.*")));
            act(staff, application.reference, "interview", "approve", null);
            wait(staff, ExpectedConditions.numberOfElementsToBe(rowOf(application.reference), 0));
            checkPage(staff);
        });

        steps.step("book the interview", citizen, () -> {
            open(citizen, "/appointments?lang=" + lang);
            assertThat(citizen.findElement(By.id("username")).isDisplayed()).isFalse();
            Select service = new Select(citizen.findElement(By.id("service")));
            service.getOptions().stream().filter(o -> o.getText().startsWith(language.interview() + " - "))
                    .findFirst().orElseThrow().click();
            citizen.findElement(By.cssSelector("#find button[type=submit]")).click();
            wait(citizen, ExpectedConditions.elementToBeClickable(By.cssSelector("button.slot"))).click();
            WebElement booked = wait(citizen, ExpectedConditions.presenceOfElementLocated(By.id("booked")));
            application.manageCode = booked.getDomAttribute("data-manage-code");
            assertThat(booked.getText()).contains(application.manageCode);
            checkPage(citizen);
        });

        steps.step("check in at the kiosk", citizen, () -> {
            open(citizen, "/kiosk?lang=" + lang);
            checkPage(citizen);
            citizen.findElement(By.id("code")).sendKeys(application.manageCode);
            citizen.findElement(By.cssSelector("#checkin button[type=submit]")).click();
            wait(citizen, ExpectedConditions.visibilityOfElementLocated(By.id("ticket")));
            assertThat(citizen.findElement(By.id("ticket-heading")).getText()).isEqualTo(language.checkedIn());
            assertThat(citizen.findElement(By.id("number")).getText()).containsPattern("[A-Z]\\d{3}");
            checkPage(citizen);
        });

        steps.step("check the status at the kiosk with the reference number and access code", citizen, () -> {
            citizen.findElement(By.id("reference")).sendKeys(application.reference);
            citizen.findElement(By.id("access-code")).sendKeys(application.accessCode);
            citizen.findElement(By.cssSelector("#status-inquiry button[type=submit]")).click();
            wait(citizen, ExpectedConditions.visibilityOfElementLocated(By.id("status-result")));
            assertThat(citizen.findElement(By.id("status")).getText()).isEqualTo(language.approved());
            assertThat(citizen.findElement(By.id("status-reference")).getText()).isEqualTo(application.reference);
            assertThat(citizen.findElements(By.cssSelector("#timeline li"))).hasSizeGreaterThanOrEqualTo(6);
            checkPage(citizen);
        });

        steps.step("staff find the documents filed as a record", staff, () -> {
            open(staff, "/records?lang=" + lang);
            new Select(staff.findElement(By.name("username"))).selectByVisibleText("reviewer1");
            staff.findElement(By.cssSelector("#signin button")).click();
            wait(staff, ExpectedConditions.visibilityOfElementLocated(By.id("browse")));
            staff.findElement(By.name("caseReference")).sendKeys(application.reference);
            staff.findElement(By.cssSelector("#search button")).click();
            // the dossier and one record per document: ID card, diploma and the photo sent later
            wait(staff, ExpectedConditions.numberOfElementsToBe(By.cssSelector("#records tbody tr"), 4));
            List<String> titles = staff.findElements(By.cssSelector("#records tbody tr td:nth-child(2)")).stream()
                    .map(WebElement::getText).toList();
            assertThat(titles).anyMatch(t -> t.contains(application.reference))
                    .anyMatch(t -> t.startsWith("id-card: id-card.pdf"))
                    .anyMatch(t -> t.startsWith("diploma: diploma.pdf"))
                    .anyMatch(t -> t.startsWith("photo: photo.png"));
            WebElement dossier = staff.findElements(By.cssSelector("#records tbody tr")).stream()
                    .filter(r -> r.getText().contains(application.reference)).findFirst().orElseThrow();
            dossier.findElement(By.tagName("a")).click();
            wait(staff, ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
            wait(staff, ExpectedConditions.textMatches(By.id("verification"), Pattern.compile(".+")));
            assertThat(staff.findElements(By.cssSelector("#timeline li[data-action='record.registered']"))).hasSize(1);
            checkPage(staff);
        });

        assertThat(steps.count()).isEqualTo(15);
    }

    /** What the journey learns on the way. */
    private static final class Application {
        String reference = "";
        String accessCode = "";
        String manageCode = "";
    }

    private static void open(WebDriver page, String path) {
        page.get(browser.url(path).toString());
    }

    private static <T> T wait(WebDriver page, ExpectedCondition<T> condition) {
        return new WebDriverWait(page, WAIT).until(condition);
    }

    /** The checks every page of the journey passes: accessibility basics and no untranslated text. */
    private static void checkPage(WebDriver page) {
        assertThat(PageChecks.problems(page)).as("page checks of %s", page.getCurrentUrl()).isEmpty();
        assertThat(PageChecks.untranslated(page)).as("untranslated texts on %s", page.getCurrentUrl()).isEmpty();
    }

    private static final Map<String, String> LANGUAGES = Map.of(
            "en", "ENGLISH", "zh-Hant", "TRADITIONAL_CHINESE", "pt", "PORTUGUESE");

    private static void choose(WebDriver page, String field, String value) {
        new Select(page.findElement(By.cssSelector("#edit select[name='" + field + "']"))).selectByValue(value);
    }

    private static void type(WebDriver page, String field, String value) {
        WebElement input = page.findElement(By.cssSelector("#edit input[name='" + field + "']"));
        if (!"true".equals(input.getDomProperty("readOnly"))) {
            input.clear();
            input.sendKeys(value);
        }
    }

    private static void upload(WebDriver page, String type, Path file, int listed) {
        new Select(page.findElement(By.name("type"))).selectByValue(type);
        page.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        page.findElement(By.cssSelector("#upload button[type=submit]")).click();
        wait(page, ExpectedConditions.numberOfElementsToBe(By.cssSelector("#uploaded li"), listed));
        assertThat(page.findElements(By.cssSelector("#uploaded li")).get(listed - 1).getDomAttribute("data-type"))
                .isEqualTo(type);
        assertThat(page.findElement(By.id("error")).isDisplayed()).isFalse();
    }

    /**
     * Opens the demo mailbox in a new tab of the same browser, as a citizen would, waits for an email
     * to the address whose subject or text matches, and goes back to the first tab.
     */
    private static String inMailbox(WebDriver page, String lang, String email, Pattern wanted) throws InterruptedException {
        String first = page.getWindowHandle();
        page.switchTo().newWindow(WindowType.TAB);
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                open(page, "/dev/mail?lang=" + lang);
                for (WebElement row : page.findElements(By.cssSelector("#mail tbody tr"))) {
                    List<WebElement> cells = row.findElements(By.tagName("td"));
                    if (!cells.get(0).getText().equals(email)) {
                        continue;
                    }
                    Matcher m = wanted.matcher(cells.get(1).getText() + "\n" + cells.get(2).getText());
                    if (m.find()) {
                        checkPage(page);
                        return m.group(1);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no email to " + email + " matches " + wanted);
                }
                Thread.sleep(250);
            }
        } finally {
            page.close();
            page.switchTo().window(first);
        }
    }

    private static By rowOf(String reference) {
        return By.cssSelector("#inbox tr[data-reference='" + reference + "']");
    }

    /** Waits for the application's row in the given state, types the comment and clicks the action. */
    private static void act(WebDriver staff, String reference, String state, String action, String comment) {
        WebElement row = wait(staff, ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#inbox tr[data-reference='" + reference + "'][data-state='" + state + "']")));
        if (comment != null) {
            row.findElement(By.name("comment")).sendKeys(comment);
        }
        row.findElement(By.cssSelector("button[data-action='" + action + "']")).click();
    }
}
