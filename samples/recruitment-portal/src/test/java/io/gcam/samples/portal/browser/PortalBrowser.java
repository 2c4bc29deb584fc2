package io.gcam.samples.portal.browser;

import io.gcam.samples.portal.PortalApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit 5 extension for real-browser tests of the portal: per test class, it starts the real
 * portal ({@link PortalApp#start(Map)}, the entry point {@code main} uses) on a free port with a
 * temporary data directory, and one headless Chromium that all the class's tests share.
 *
 * <pre>{@code
 * class MyPageBrowserTest {
 *     @RegisterExtension
 *     static final PortalBrowser browser = PortalBrowser.builder().build();
 *
 *     @Test
 *     void showsTheTitle() {
 *         browser.open("/?lang=pt");
 *         assertThat(browser.driver().getTitle()).isEqualTo("Portal de Recrutamento da Função Pública");
 *     }
 * }
 * }</pre>
 *
 * <p>When a test fails, a PNG screenshot of every browser it used is written to
 * {@code target/browser/<test class>/<test method>.png} and its path logged. Chromium and
 * chromedriver come from the system (see {@link Chromium}): without them the class is skipped,
 * except in CI ({@code CI=true}), where it fails.
 *
 * <p>{@link #newBrowser(BrowserSettings)} opens a further browser, for instance one with other
 * language preferences; it is closed after the test that opened it.
 */
public final class PortalBrowser
        implements BeforeAllCallback, AfterTestExecutionCallback, AfterEachCallback, AfterAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(PortalBrowser.class);

    /** Where screenshots and chromedriver logs go (relative to the module, as Surefire runs). */
    static final Path OUTPUT = Path.of("target", "browser");

    /** How long {@link #waitUntil(ExpectedCondition)} waits before failing the test. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final Map<String, String> env;
    private final BrowserSettings settings;
    private final Chromium chromium;

    private @Nullable Path workDir;
    private @Nullable PortalApp portal;
    private @Nullable WebDriver driver;
    private @Nullable Path outputDir;
    private final List<WebDriver> extraBrowsers = new ArrayList<>();
    private int browsersStarted;
    private boolean resized;

    private PortalBrowser(Builder builder) {
        this.env = Map.copyOf(builder.env);
        this.settings = builder.settings;
        this.chromium = builder.chromium;
    }

    /** @return a builder with the defaults: demo mode, {@link BrowserSettings#DESKTOP}, the system's Chromium */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        chromium.requireInstalled(System.getenv());
        outputDir = OUTPUT.resolve(context.getRequiredTestClass().getSimpleName());
        Files.createDirectories(outputDir);
        workDir = Files.createTempDirectory("gcam-portal-browser");
        Map<String, String> portalEnv = new HashMap<>(env);
        portalEnv.put("GCAM_PORT", "0");
        portalEnv.putIfAbsent("GCAM_DATA_DIR", workDir.resolve("data").toString());
        portal = PortalApp.start(portalEnv);
        driver = startBrowser(settings);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String method = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        // A parameterized test's invocations differ only by their display name ("[2] zh-Hant, ...").
        String name = display.startsWith(method + "(") ? method
                : method + "-" + display.replaceAll("[^A-Za-z0-9._-]+", "_");
        List<WebDriver> browsers = new ArrayList<>();
        if (driver != null) {
            browsers.add(driver);
        }
        browsers.addAll(extraBrowsers);
        for (int i = 0; i < browsers.size(); i++) {
            try {
                Path file = screenshot(browsers.get(i), i == 0 ? name : name + "-browser" + (i + 1));
                LOG.warn("{} failed; screenshot: {}", context.getDisplayName(), file.toAbsolutePath());
                context.publishReportEntry("screenshot", file.toAbsolutePath().toString());
            } catch (RuntimeException e) {
                LOG.warn("{} failed, and its screenshot could not be taken: {}", context.getDisplayName(), e.toString());
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            closeExtraBrowsers();
        } finally {
            if (resized && driver != null) {
                resized = false;
                driver.manage().window().setSize(new Dimension(settings.width(), settings.height()));
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            closeExtraBrowsers();
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            try {
                if (portal != null) {
                    portal.close();
                }
            } finally {
                portal = null;
                if (workDir != null) {
                    deleteRecursively(workDir);
                    workDir = null;
                }
            }
        }
    }

    /** @return the running portal */
    public PortalApp portal() {
        return require(portal, "portal");
    }

    /** @return the class's shared browser */
    public WebDriver driver() {
        return require(driver, "browser");
    }

    /**
     * @param path a path relative to the portal's root, such as {@code "/health"} or {@code "?lang=pt"}
     * @return the absolute URL of that path on the running portal
     */
    public URI url(String path) {
        return portal().uri().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /**
     * Opens a page of the portal in the shared browser and waits for it to load.
     *
     * @param path a path relative to the portal's root
     * @return the shared browser
     */
    public WebDriver open(String path) {
        WebDriver browser = driver();
        browser.get(url(path).toString());
        return browser;
    }

    /**
     * Resizes the shared browser's window, for instance to a phone's width; the next test gets the
     * configured size back (after the screenshot of a failure, which shows this size).
     *
     * @param width window width in CSS pixels
     * @param height window height in CSS pixels
     */
    public void resizeWindow(int width, int height) {
        resized = true;
        driver().manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Starts another browser, closed when the current test ends.
     *
     * @param browserSettings its window size and languages
     * @return the new browser
     */
    public WebDriver newBrowser(BrowserSettings browserSettings) {
        WebDriver browser = startBrowser(browserSettings);
        extraBrowsers.add(browser);
        return browser;
    }

    /**
     * Waits for a condition in the shared browser, for example a page that a click loads.
     *
     * @param condition the condition, from {@code ExpectedConditions} or a lambda
     * @param <T> what the condition yields when met
     * @return what the condition yielded
     * @throws org.openqa.selenium.TimeoutException when it is not met within ten seconds
     */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver(), WAIT).until(condition);
    }

    /**
     * Saves a PNG screenshot of the shared browser's window.
     *
     * @param name the file name without extension
     * @return the file, under {@code target/browser/<test class>/}
     */
    public Path screenshot(String name) {
        return screenshot(driver(), name);
    }

    /**
     * Saves a PNG screenshot of a browser's window.
     *
     * @param browser the browser
     * @param name the file name without extension
     * @return the file, under {@code target/browser/<test class>/}
     */
    public Path screenshot(WebDriver browser, String name) {
        Path file = require(outputDir, "output directory").resolve(name + ".png");
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.move(png, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + file, e);
        }
        return file;
    }

    /**
     * The visible text of the element matched by a CSS selector, whitespace as rendered.
     *
     * @param cssSelector the selector, e.g. {@code "h1"}
     * @return its text
     * @throws org.openqa.selenium.NoSuchElementException when nothing matches
     */
    public String text(String cssSelector) {
        return driver().findElement(By.cssSelector(cssSelector)).getText();
    }

    private WebDriver startBrowser(BrowserSettings browserSettings) {
        Path work = require(workDir, "work directory");
        int number = ++browsersStarted;
        try {
            Path profile = Files.createDirectory(work.resolve("chromium-profile-" + number));
            Path log = require(outputDir, "output directory").resolve("chromedriver-" + number + ".log");
            return chromium.start(browserSettings, profile, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeExtraBrowsers() {
        RuntimeException failure = null;
        for (WebDriver browser : extraBrowsers) {
            try {
                browser.quit();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        extraBrowsers.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static <T> T require(@Nullable T value, String what) {
        if (value == null) {
            throw new IllegalStateException("no " + what + ": PortalBrowser is used outside of its test class"
                    + " (register it with @RegisterExtension on a static field)");
        }
        return value;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debug("Cannot delete {}: {}", path, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.debug("Cannot delete {}: {}", root, e.toString());
        }
    }

    /** Settings of a {@link PortalBrowser}. */
    public static final class Builder {

        private final Map<String, String> env = new LinkedHashMap<>();
        private BrowserSettings settings = BrowserSettings.DESKTOP;
        private Chromium chromium = Chromium.system();

        private Builder() {
        }

        /**
         * Adds a portal setting, as the environment variable {@code main} would read (for
         * example {@code GCAM_MODE=production}). {@code GCAM_PORT} is always {@code 0} (a free port)
         * and {@code GCAM_DATA_DIR} defaults to a temporary directory deleted afterwards.
         *
         * @param name the variable name
         * @param value its value
         * @return this builder
         */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /**
         * @param browserSettings window size and languages of the shared browser
         * @return this builder
         */
        public Builder browser(BrowserSettings browserSettings) {
            this.settings = browserSettings;
            return this;
        }

        /**
         * @param binaries the Chromium and chromedriver to use
         * @return this builder
         */
        public Builder chromium(Chromium binaries) {
            this.chromium = binaries;
            return this;
        }

        /** @return the extension, to be registered with {@code @RegisterExtension} on a static field */
        public PortalBrowser build() {
            return new PortalBrowser(this);
        }
    }
}
