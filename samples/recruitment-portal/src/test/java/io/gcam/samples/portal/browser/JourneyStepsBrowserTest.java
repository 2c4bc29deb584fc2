package io.gcam.samples.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/** A failed journey step leaves a PNG screenshot and the page source, and its failure names the step. */
class JourneyStepsBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = PortalBrowser.builder().build();

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path screenshots;

    @Test
    void savesAPngAndThePageSourceOfAFailedStepAndNamesTheStep() throws Exception {
        WebDriver page = browser.open("/?lang=pt");
        JourneySteps steps = JourneySteps.into(screenshots, "pt");
        steps.step("open the home page", page, () -> { });

        assertThatThrownBy(() -> steps.step("find the Sign-in button", page, () -> {
            throw new IllegalStateException("no such button");
        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Step 02 find the Sign-in button failed (pt): no such button")
                .hasMessageContaining("page: " + browser.url("/?lang=pt"))
                .hasMessageContaining(screenshots.resolve("pt-02-find-the-sign-in-button.png").toAbsolutePath().toString())
                .hasCauseInstanceOf(IllegalStateException.class);

        Path png = screenshots.resolve("pt-02-find-the-sign-in-button.png");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(PNG_SIGNATURE.length);
        assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
        assertThat(Files.readString(screenshots.resolve("pt-02-find-the-sign-in-button.html"), StandardCharsets.UTF_8))
                .contains("Portal de Recrutamento da Função Pública");
        assertThat(steps.count()).isEqualTo(2);
    }

    @Test
    void savesNothingForAStepThatPasses() throws Exception {
        WebDriver page = browser.open("/");
        JourneySteps steps = JourneySteps.into(screenshots, "en");

        steps.step("open the home page", page, () -> assertThat(page.getTitle()).isNotEmpty());

        try (var files = Files.list(screenshots)) {
            assertThat(files).isEmpty();
        }
    }
}
