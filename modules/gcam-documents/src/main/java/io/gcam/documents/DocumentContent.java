package io.gcam.documents;

import java.io.InputStream;

/**
 * A document and a stream of its content; the caller closes the stream.
 *
 * @param document the metadata
 * @param content the content; reading it throws {@link io.gcam.core.GcamException} with
 *     {@code DOCUMENT_INTEGRITY_FAILED} when encrypted content was altered or truncated
 * @param contentDisposition an RFC 6266 {@code Content-Disposition} value for serving it as an
 *     attachment under its original (sanitized) name
 */
public record DocumentContent(Document document, InputStream content, String contentDisposition) {
}
