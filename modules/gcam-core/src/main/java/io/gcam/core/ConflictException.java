package io.gcam.core;

/**
 * The request clashes with the current state, typically a concurrent change (optimistic version
 * mismatch). Code {@code CONFLICT}. Reload and try again.
 */
public class ConflictException extends GcamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param what what conflicted, e.g. {@code "application REC-2026-000001-7"}
     */
    public ConflictException(String what) {
        super(CoreErrorCode.CONFLICT, what);
    }
}
