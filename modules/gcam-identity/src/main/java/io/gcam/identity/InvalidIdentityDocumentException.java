package io.gcam.identity;

import io.gcam.core.GcamException;

/**
 * {@code INVALID_IDENTITY_DOCUMENT}: a document number or machine-readable zone fails its published
 * format or check digit. The message names the document type in the reader's language and never
 * the number.
 */
public final class InvalidIdentityDocumentException extends GcamException {

    private static final long serialVersionUID = 1L;

    private final IdentityDocumentType type;
    private final String failedCheck;

    /**
     * @param type the document type
     * @param failedCheck which check failed, e.g. {@code format}, {@code checkDigit},
     *     {@code dateOfBirth}, {@code composite}
     */
    public InvalidIdentityDocumentException(IdentityDocumentType type, String failedCheck) {
        super(IdentityErrorCode.INVALID_IDENTITY_DOCUMENT, type.displayName());
        this.type = type;
        this.failedCheck = failedCheck;
    }

    /** @return the document type */
    public IdentityDocumentType type() {
        return type;
    }

    /** @return the name of the check that failed */
    public String failedCheck() {
        return failedCheck;
    }
}
