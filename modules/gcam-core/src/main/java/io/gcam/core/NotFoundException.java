package io.gcam.core;

/** The object does not exist, or the actor may not know that it exists. Code {@code NOT_FOUND}. */
public class NotFoundException extends GcamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param what a short, non-personal description of the object kind, e.g. {@code "application"}
     * @param id the identifier that was looked up; shown as {@code String.valueOf(id)}, so numeric ids
     *     are never reformatted with digit grouping
     */
    public NotFoundException(String what, Object id) {
        super(CoreErrorCode.NOT_FOUND, what, String.valueOf(id));
    }

    /**
     * Like {@link #NotFoundException(String, Object)}, with the object kind named in all three
     * languages, so the whole message is in the reader's language.
     *
     * @param what the object kind, e.g. {@code LocalizedText.of("application", "申請", "pedido")}
     * @param id the identifier that was looked up
     */
    public NotFoundException(LocalizedText what, Object id) {
        super(CoreErrorCode.NOT_FOUND, what, String.valueOf(id));
    }
}
