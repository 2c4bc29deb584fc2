package io.gcam.samples.portal.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the named, numbered steps of a browser journey. When a step fails, the page the step's
 * browser shows is saved as {@code <prefix>-<nn>-<step>.png} and {@code .html} in the output
 * directory, and the failure names the step, the page's address and the two files:
 *
 * <pre>{@code
 * JourneySteps steps = JourneySteps.into(Path.of("target/journey-screenshots"), "zh-Hant");
 * steps.step("find the service in the catalogue", applicant, () -> { ... });
 * }</pre>
 */
public final class JourneySteps {

    /**
     * The body of a step, which may throw anything.
     */
    @FunctionalInterface
    public interface Body {
        /**
         * Drives the browser through the step and checks what it shows.
         *
         * @throws Exception when the step fails
         */
        void run() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JourneySteps.class);

    private final Path directory;
    private final String prefix;
    private int number;

    private JourneySteps(Path directory, String prefix) {
        this.directory = directory;
        this.prefix = prefix;
    }

    /**
     * @param directory where the screenshots of failed steps go (created when needed)
     * @param prefix the start of every file name, e.g. the journey's language
     * @return steps numbered from 1
     */
    public static JourneySteps into(Path directory, String prefix) {
        return new JourneySteps(directory, prefix);
    }

    /**
     * Runs the next step.
     *
     * @param name what the step does, as a reader would say it
     * @param browser the browser whose page is saved when the step fails
     * @param body the step
     * @throws AssertionError when the step fails: names the step and the saved files, with the
     *     step's own failure as its cause
     */
    public void step(String name, WebDriver browser, Body body) {
        number++;
        String label = String.format(Locale.ROOT, "%02d %s", number, name);
        long started = System.nanoTime();
        try {
            body.run();
        } catch (Throwable failure) {
            if (failure instanceof VirtualMachineError error) {
                throw error;
            }
            String file = String.format(Locale.ROOT, "%s-%02d-%s", prefix, number, slug(name));
            StringBuilder message = new StringBuilder("Step ").append(label).append(" failed (").append(prefix)
                    .append("): ").append(failure.getMessage());
            Exception notSaved = null;
            try {
                message.append("\n  page: ").append(browser.getCurrentUrl());
                Path png = save(browser, file);
                message.append("\n  screenshot: ").append(png.toAbsolutePath())
                        .append("\n  page source: ").append(png.resolveSibling(file + ".html").toAbsolutePath());
            } catch (RuntimeException | IOException e) {
                message.append("\n  (no screenshot: ").append(e).append(')');
                notSaved = e;
            }
            AssertionError named = new AssertionError(message.toString(), failure);
            if (notSaved != null) {
                named.addSuppressed(notSaved);
            }
            throw named;
        }
        LOG.info("{} {}: {} ms", prefix, label, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** @return how many steps have run (the number of the last one) */
    public int count() {
        return number;
    }

    private Path save(WebDriver browser, String file) throws IOException {
        Files.createDirectories(directory);
        Path png = directory.resolve(file + ".png");
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.move(shot, png, StandardCopyOption.REPLACE_EXISTING);
        String source = browser.getPageSource();
        Files.writeString(directory.resolve(file + ".html"), source == null ? "" : source, StandardCharsets.UTF_8);
        return png;
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "step" : slug;
    }
}
