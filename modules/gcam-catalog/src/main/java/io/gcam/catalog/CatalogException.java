package io.gcam.catalog;

import io.gcam.core.GcamException;
import org.jspecify.annotations.Nullable;

/** A catalogue or single-window rule refused the request. Nothing was changed. See {@link CatalogErrorCode}. */
public class CatalogException extends GcamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code the error code
     * @param arguments the message arguments
     */
    public CatalogException(CatalogErrorCode code, Object... arguments) {
        super(code, arguments);
    }

    /**
     * @param code the error code
     * @param cause the underlying failure, or {@code null}
     * @param arguments the message arguments
     */
    public CatalogException(CatalogErrorCode code, @Nullable Throwable cause, Object... arguments) {
        super(code, cause, arguments);
    }
}
