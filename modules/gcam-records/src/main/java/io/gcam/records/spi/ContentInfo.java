package io.gcam.records.spi;

import java.util.Objects;

/**
 * What a {@link ContentStore} knows about one piece of content.
 *
 * @param sha256 lower-case hex SHA-256 of the bytes
 * @param size size in bytes
 * @param mediaType the media type, e.g. {@code application/pdf}
 */
public record ContentInfo(String sha256, long size, String mediaType) {

    /** Checks that the fields are present and the size is not negative. */
    public ContentInfo {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mediaType, "mediaType");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
