package io.gcam.documents.spi;

import org.jspecify.annotations.Nullable;

/**
 * A scanner's verdict.
 *
 * @param infected whether a threat was found
 * @param signature the name of the threat found, when infected
 */
public record ScanResult(boolean infected, @Nullable String signature) {

    /** @return a clean verdict */
    public static ScanResult clean() {
        return new ScanResult(false, null);
    }

    /**
     * @param signature the threat's name
     * @return an infected verdict
     */
    public static ScanResult infected(String signature) {
        return new ScanResult(true, signature);
    }
}
