package io.gcam.core;

/**
 * A stable, documented error code such as {@code VALIDATION_FAILED} or {@code REGISTRATION_FULL}.
 *
 * <p>Each module declares its codes as an enum implementing this interface. The code string never
 * changes once released: clients switch on it. Its message templates live in the resource bundle
 * named by {@link #bundle()}, with translations in {@code _zh_Hant} and {@code _pt} variants; the
 * key is the code itself and the template uses {@link java.text.MessageFormat} arguments.
 */
public interface ErrorCode {

    /** The stable code, upper snake case, unique across all GCAM modules. */
    String code();

    /** The broad category, used to choose an HTTP status or a retry policy. */
    ErrorKind kind();

    /** Base name of the resource bundle holding this code's messages, e.g. {@code io.gcam.core.messages}. */
    String bundle();
}
