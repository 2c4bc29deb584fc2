package io.gcam.samples.portal.browser;

/**
 * How a test browser presents itself: its window size and the languages it asks for.
 *
 * @param width window width in CSS pixels
 * @param height window height in CSS pixels
 * @param acceptLanguage the browser's language preferences, as Chromium's
 *     {@code intl.accept_languages} setting: comma-separated tags, most preferred first
 *     (for example {@code "zh-MO,zh,en"}); Chromium turns them into the {@code Accept-Language}
 *     header
 */
public record BrowserSettings(int width, int height, String acceptLanguage) {

    /** A desktop window that prefers US English. */
    public static final BrowserSettings DESKTOP = new BrowserSettings(1280, 900, "en-US,en");

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a non-positive size or no language
     */
    public BrowserSettings {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("window size must be positive: " + width + "x" + height);
        }
        if (acceptLanguage.isBlank()) {
            throw new IllegalArgumentException("acceptLanguage must name at least one language");
        }
    }

    /**
     * @param tags comma-separated language tags, most preferred first
     * @return these settings with other language preferences
     */
    public BrowserSettings withAcceptLanguage(String tags) {
        return new BrowserSettings(width, height, tags);
    }

    /**
     * @param newWidth window width in CSS pixels
     * @param newHeight window height in CSS pixels
     * @return these settings with another window size
     */
    public BrowserSettings withWindowSize(int newWidth, int newHeight) {
        return new BrowserSettings(newWidth, newHeight, acceptLanguage);
    }

    /** @return the most preferred language tag, used as Chromium's {@code --lang} */
    public String primaryLanguage() {
        String first = acceptLanguage.split(",", 2)[0];
        int quality = first.indexOf(';');
        return (quality < 0 ? first : first.substring(0, quality)).trim();
    }
}
