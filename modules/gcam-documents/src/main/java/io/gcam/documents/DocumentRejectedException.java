package io.gcam.documents;

import io.gcam.core.GcamException;

/**
 * An upload was refused; nothing was stored. The {@link #code()} says why (one of the
 * {@code DOCUMENT_*} codes of {@link DocumentErrorCode}).
 */
public class DocumentRejectedException extends GcamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code why the upload was refused
     * @param arguments the message arguments of {@code code}
     */
    public DocumentRejectedException(DocumentErrorCode code, Object... arguments) {
        super(code, arguments);
    }
}
