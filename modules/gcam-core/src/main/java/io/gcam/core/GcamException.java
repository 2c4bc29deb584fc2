package io.gcam.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception GCAM throws on purpose. Unchecked.
 *
 * <p>Each carries a stable {@link #code()} (clients switch on it), its {@link ErrorKind}, and the
 * arguments of its message. {@link #getMessage()} is English; {@link #localizedMessage(Locale)}
 * gives the same message in Traditional Chinese or Portuguese. Messages never contain personal data
 * unless the caller put it into the arguments.
 */
public class GcamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode errorCode;
    private final transient List<Object> arguments;

    /**
     * Creates an exception for {@code code} whose message template takes {@code arguments}.
     *
     * @param code the error code
     * @param arguments message arguments, in template order; a {@code null} argument is kept as the
     *     text {@code "null"}
     */
    public GcamException(ErrorCode code, Object... arguments) {
        this(code, null, arguments);
    }

    /**
     * Creates an exception for {@code code} caused by {@code cause}.
     *
     * @param code the error code
     * @param cause the underlying failure, or {@code null}
     * @param arguments message arguments, in template order; a {@code null} argument is kept as the
     *     text {@code "null"}
     */
    public GcamException(ErrorCode code, @Nullable Throwable cause, Object... arguments) {
        this(code, cause, nonNull(arguments));
    }

    private GcamException(ErrorCode code, @Nullable Throwable cause, List<Object> arguments) {
        super(render(code, GcamLocales.ENGLISH, arguments.toArray()), cause);
        this.errorCode = code;
        this.arguments = arguments;
    }

    /** The stable code, e.g. {@code NOT_FOUND}. */
    public String code() {
        return errorCode.code();
    }

    /** The error code with its kind and bundle. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The broad category of this error. */
    public ErrorKind kind() {
        return errorCode.kind();
    }

    /** The message arguments, in template order. */
    public List<Object> arguments() {
        return arguments;
    }

    /**
     * The message in the supported language closest to {@code locale} (see {@link GcamLocales}).
     *
     * @param locale requested locale
     * @return the localized message, never {@code null}
     */
    public String localizedMessage(Locale locale) {
        return render(errorCode, locale, arguments.toArray());
    }

    private static List<Object> nonNull(@Nullable Object @Nullable [] arguments) {
        if (arguments == null) {
            return List.of("null");
        }
        List<Object> copy = new ArrayList<>(arguments.length);
        for (Object argument : arguments) {
            copy.add(argument == null ? "null" : argument);
        }
        return List.copyOf(copy);
    }

    private static String render(ErrorCode code, Locale locale, Object[] arguments) {
        ClassLoader loader = code.getClass().getClassLoader();
        if (loader == null) {
            loader = GcamException.class.getClassLoader();
        }
        return Messages.format(loader, code.bundle(), code.code(), locale, arguments);
    }
}
