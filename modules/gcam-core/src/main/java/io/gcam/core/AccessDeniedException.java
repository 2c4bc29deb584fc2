package io.gcam.core;

/** The actor may not perform the operation. Code {@code ACCESS_DENIED}. Changes nothing. */
public class AccessDeniedException extends GcamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation the operation that was refused, e.g. {@code "approve application"}
     */
    public AccessDeniedException(String operation) {
        super(CoreErrorCode.ACCESS_DENIED, operation);
    }
}
