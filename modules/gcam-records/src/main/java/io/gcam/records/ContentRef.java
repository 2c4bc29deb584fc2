package io.gcam.records;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Points at content kept in a {@link io.gcam.records.spi.ContentStore}: its id there and the
 * SHA-256 it must have. A record never holds content itself.
 *
 * @param contentId the id in the content store (for example a gcam-documents document id)
 * @param sha256 the lower-case hex SHA-256 of the content
 */
public record ContentRef(String contentId, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Checks the id and normalizes the hash to lower case. */
    public ContentRef {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(sha256, "sha256");
        if (contentId.isBlank() || contentId.length() > 255) {
            throw new IllegalArgumentException("contentId must be 1 to 255 characters");
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits");
        }
    }
}
