package io.gcam.samples.portal.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system's Chromium and chromedriver (Debian's {@code chromium} and {@code chromium-driver}
 * packages), started headless for tests.
 *
 * <p>Both paths are always given to Selenium explicitly, so Selenium Manager never runs and never
 * downloads a browser or a driver; {@code SE_OFFLINE=true} is set as well, in case some code path
 * still reaches it. Other paths can be chosen with the system properties {@value #BROWSER_PROPERTY}
 * and {@value #DRIVER_PROPERTY}.
 *
 * <p>When either is missing, {@link #requireInstalled(Map)} skips the tests on a developer's
 * machine, but fails them when {@code CI=true}: CI must never pass by skipping its browser tests.
 */
public final class Chromium {

    /** System property naming the Chromium binary; default {@code /usr/bin/chromium}. */
    public static final String BROWSER_PROPERTY = "gcam.chromium";

    /** System property naming the chromedriver binary; default {@code /usr/bin/chromedriver}. */
    public static final String DRIVER_PROPERTY = ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY;

    /** How long a page may take to load before the test fails. */
    static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);

    /** How long an asynchronous script (for example a {@code fetch}) may run. */
    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(15);

    /** The flags every test browser starts with: headless, and no traffic of its own. */
    static final List<String> FLAGS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--force-device-scale-factor=1");

    private static final Logger LOG = LoggerFactory.getLogger(Chromium.class);

    private final Path browser;
    private final Path driver;

    Chromium(Path browser, Path driver) {
        this.browser = browser;
        this.driver = driver;
    }

    /**
     * The Chromium and chromedriver named by the system properties, or Debian's.
     *
     * @return the binaries to use (not checked yet: see {@link #requireInstalled(Map)})
     */
    public static Chromium system() {
        return new Chromium(
                Path.of(System.getProperty(BROWSER_PROPERTY, "/usr/bin/chromium")),
                Path.of(System.getProperty(DRIVER_PROPERTY, "/usr/bin/chromedriver")));
    }

    /** @return the Chromium binary */
    public Path browser() {
        return browser;
    }

    /** @return the chromedriver binary */
    public Path driver() {
        return driver;
    }

    /**
     * Makes sure both binaries are installed. When one is missing, the calling test is skipped
     * (a JUnit assumption), unless {@code env} has {@code CI=true}: then it fails.
     *
     * @param env the environment variables, usually {@link System#getenv()}
     * @throws org.opentest4j.TestAbortedException when a binary is missing outside CI
     * @throws IllegalStateException when a binary is missing in CI
     */
    public void requireInstalled(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(browser)) {
            missing.add("Chromium (" + browser + ")");
        }
        if (!Files.isExecutable(driver)) {
            missing.add("chromedriver (" + driver + ")");
        }
        if (missing.isEmpty()) {
            return;
        }
        String what = String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are");
        if ("true".equals(env.getOrDefault("CI", "").trim().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("The browser tests must run in CI, but " + what + " not installed."
                    + " Install them first: apt-get update && apt-get install -y chromium chromium-driver"
                    + " (.ci/run does this when `command -v chromium` fails).");
        }
        String message = "Browser tests skipped: " + what + " not installed."
                + " Install them with: sudo apt-get install chromium chromium-driver"
                + " (or point -D" + BROWSER_PROPERTY + "=... and -D" + DRIVER_PROPERTY + "=... at other binaries).";
        // Surefire does not print why a whole class was skipped: say it in the build log.
        LOG.warn(message);
        Assumptions.abort(message);
    }

    /**
     * Starts a headless Chromium with a fresh profile.
     *
     * @param settings window size and language preferences
     * @param profile an empty directory for the browser profile ({@code --user-data-dir})
     * @param driverLog the file chromedriver logs to
     * @return the driver; {@link WebDriver#quit()} stops the browser and chromedriver
     */
    public WebDriver start(BrowserSettings settings, Path profile, Path driverLog) {
        // Read by Selenium Manager, were it ever run: never download anything.
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(FLAGS);
        options.addArguments(
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + settings.width() + "," + settings.height(),
                "--lang=" + settings.primaryLanguage());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", settings.acceptLanguage()));
        options.setPageLoadTimeout(PAGE_LOAD_TIMEOUT);
        options.setScriptTimeout(SCRIPT_TIMEOUT);
        try {
            Files.createDirectories(driverLog.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + driverLog.getParent(), e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(driverLog.toAbsolutePath().toString()))
                .build();
        return new ChromeDriver(service, options);
    }
}
