package io.gcam.records;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a record's content: who added it, when and why. Versions are never changed.
 *
 * @param recordId the record
 * @param number 1 for the first version, then consecutive
 * @param content where the content is and the SHA-256 it has
 * @param size the content's size in bytes
 * @param mediaType the content's media type, as the content store reports it
 * @param createdBy subject id of who added it
 * @param createdAt when it was added
 * @param reason why it was added (the check-in comment)
 */
public record ContentVersion(RecordId recordId, int number, ContentRef content, long size, String mediaType,
        String createdBy, Instant createdAt, String reason) {

    /** Checks that every field is present and the number is positive. */
    public ContentVersion {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(reason, "reason");
        if (number < 1) {
            throw new IllegalArgumentException("versions are numbered from 1: " + number);
        }
    }
}
