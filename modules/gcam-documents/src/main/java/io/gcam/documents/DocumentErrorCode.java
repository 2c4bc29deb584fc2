package io.gcam.documents;

import io.gcam.core.ErrorCode;
import io.gcam.core.ErrorKind;

/**
 * Stable error codes of gcam-documents, with messages in English, Traditional Chinese and
 * Portuguese in the bundle {@value #BUNDLE}.
 */
public enum DocumentErrorCode implements ErrorCode {
    /** No checklist is registered for the application type. */
    APPLICATION_TYPE_UNKNOWN(ErrorKind.NOT_FOUND),
    /** The checklist of the application type has no such document type. */
    DOCUMENT_TYPE_UNKNOWN(ErrorKind.INVALID_INPUT),
    /** The upload was empty. */
    DOCUMENT_EMPTY(ErrorKind.INVALID_INPUT),
    /** The upload is larger than the requirement allows (HTTP 413). */
    DOCUMENT_TOO_LARGE(ErrorKind.INVALID_INPUT),
    /** The detected media type is not allowed for the requirement (HTTP 415). */
    DOCUMENT_MEDIA_TYPE_NOT_ALLOWED(ErrorKind.INVALID_INPUT),
    /** The file name's extension does not match the detected content. */
    DOCUMENT_CONTENT_MISMATCH(ErrorKind.INVALID_INPUT),
    /** The PDF is encrypted or password protected and the requirement refuses that. */
    DOCUMENT_PDF_ENCRYPTED(ErrorKind.INVALID_INPUT),
    /** The PDF is not well formed. */
    DOCUMENT_PDF_MALFORMED(ErrorKind.INVALID_INPUT),
    /** The upload is an archive and the requirement does not allow archives. */
    DOCUMENT_ARCHIVE_NOT_ALLOWED(ErrorKind.INVALID_INPUT),
    /** The archive has more entries than allowed. */
    DOCUMENT_ARCHIVE_TOO_MANY_ENTRIES(ErrorKind.INVALID_INPUT),
    /** The archive would expand to more bytes than allowed. */
    DOCUMENT_ARCHIVE_TOO_LARGE(ErrorKind.INVALID_INPUT),
    /** The archive has an entry with an unsafe path (traversal, absolute path) or a symbolic link. */
    DOCUMENT_ARCHIVE_UNSAFE_ENTRY(ErrorKind.INVALID_INPUT),
    /** Archives are nested deeper than allowed. */
    DOCUMENT_ARCHIVE_TOO_DEEP(ErrorKind.INVALID_INPUT),
    /** The archive is damaged. */
    DOCUMENT_ARCHIVE_MALFORMED(ErrorKind.INVALID_INPUT),
    /** The image has more pixels than allowed. */
    DOCUMENT_IMAGE_TOO_LARGE(ErrorKind.INVALID_INPUT),
    /** The image header cannot be read. */
    DOCUMENT_IMAGE_MALFORMED(ErrorKind.INVALID_INPUT),
    /** The malware scanner found a threat. */
    DOCUMENT_MALWARE_FOUND(ErrorKind.INVALID_INPUT),
    /** The malware scanner could not be reached or failed. */
    DOCUMENT_SCAN_FAILED(ErrorKind.UNAVAILABLE),
    /** The owner already has the maximum number of documents of this type. */
    DOCUMENT_TOO_MANY(ErrorKind.RULE_VIOLATION),
    /** A stored document failed its integrity check (altered or truncated). */
    DOCUMENT_INTEGRITY_FAILED(ErrorKind.INTERNAL);

    /** The resource bundle with the messages of these codes. */
    public static final String BUNDLE = "io.gcam.documents.messages";

    private final ErrorKind kind;

    DocumentErrorCode(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }
}
