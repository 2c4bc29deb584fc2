package io.gcam.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * Metadata of one accepted document. The content lives in a
 * {@link io.gcam.documents.spi.BlobStore} under {@link #blobKey()}.
 *
 * @param id the document id
 * @param owner what the document belongs to
 * @param type the document type of the checklist, e.g. {@code diploma}
 * @param mediaType the media type detected from the content, e.g. {@code application/pdf}
 * @param size size in bytes of the stored content
 * @param sha256 lower-case hex SHA-256 of the stored content
 * @param fileName the original file name, sanitized (see {@link FileNames#sanitize})
 * @param blobKey the generated key of the content in the blob store
 * @param createdAt when it was accepted
 * @param retainUntil when it may be purged
 */
public record Document(String id, OwnerRef owner, String type, String mediaType, long size, String sha256,
        String fileName, String blobKey, Instant createdAt, Instant retainUntil) {

    /** Checks that nothing is missing. */
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(blobKey, "blobKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(retainUntil, "retainUntil");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
