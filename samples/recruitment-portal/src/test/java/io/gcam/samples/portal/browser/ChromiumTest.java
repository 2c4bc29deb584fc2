package io.gcam.samples.portal.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Missing browsers skip the browser tests on a developer's machine, and fail them in CI. */
class ChromiumTest {

    private static final Path MISSING = Path.of("/nonexistent/chromium");
    private static final Path EXECUTABLE = Path.of("/bin/sh");

    @Test
    void failsInCiWhenChromiumIsMissing() {
        Chromium chromium = new Chromium(MISSING, EXECUTABLE);

        assertThatThrownBy(() -> chromium.requireInstalled(Map.of("CI", "true")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Chromium (/nonexistent/chromium) is not installed")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }

    @Test
    void failsInCiWhenChromedriverIsMissing() {
        Chromium chromium = new Chromium(EXECUTABLE, MISSING);

        assertThatThrownBy(() -> chromium.requireInstalled(Map.of("CI", "TRUE")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chromedriver (/nonexistent/chromium) is not installed");
    }

    @Test
    void skipsOutsideCiWhenChromiumIsMissing() {
        Chromium chromium = new Chromium(MISSING, MISSING);

        assertThatThrownBy(() -> chromium.requireInstalled(Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Browser tests skipped: Chromium (/nonexistent/chromium) and chromedriver"
                        + " (/nonexistent/chromium) are not installed")
                .hasMessageContaining("apt-get install chromium chromium-driver");
        assertThatThrownBy(() -> chromium.requireInstalled(Map.of("CI", "false")))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void acceptsInstalledBinaries() {
        Chromium chromium = new Chromium(EXECUTABLE, EXECUTABLE);

        assertThatCode(() -> chromium.requireInstalled(Map.of("CI", "true"))).doesNotThrowAnyException();
    }
}
