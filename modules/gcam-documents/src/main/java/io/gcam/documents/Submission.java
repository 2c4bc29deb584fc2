package io.gcam.documents;

/**
 * The outcome of an accepted upload.
 *
 * @param document the stored document
 * @param duplicate {@code true} when the owner had already uploaded the same content (same
 *     SHA-256) and the existing document is returned; nothing new was stored
 */
public record Submission(Document document, boolean duplicate) {
}
