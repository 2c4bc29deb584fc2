package io.gcam.rest.documents;

import io.gcam.documents.Document;
import java.time.Instant;

/**
 * A document as the API shows it.
 *
 * @param id the document id
 * @param type the document type
 * @param mediaType the media type detected from the content
 * @param size size in bytes
 * @param sha256 hex SHA-256 of the content
 * @param fileName the sanitized original file name
 * @param ownerRef the application reference it belongs to
 * @param createdAt when it was accepted
 * @param duplicate whether this upload repeated content the owner had already uploaded
 */
public record DocumentView(String id, String type, String mediaType, long size, String sha256, String fileName,
        String ownerRef, Instant createdAt, boolean duplicate) {

    /**
     * @param d a document
     * @param duplicate whether the upload was a duplicate
     * @return its view
     */
    public static DocumentView of(Document d, boolean duplicate) {
        return new DocumentView(d.id(), d.type(), d.mediaType(), d.size(), d.sha256(), d.fileName(),
                d.owner().reference(), d.createdAt(), duplicate);
    }
}
