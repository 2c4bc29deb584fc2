package io.gcam.rest.internal;

import io.gcam.core.ErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.Messages;
import io.gcam.core.ValidationException;
import io.gcam.rest.Problem;
import io.gcam.rest.Problems;
import io.gcam.rest.RestErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Builds {@link Problem}s in one language. */
public final class ProblemFactory {

    private ProblemFactory() {
    }

    /**
     * @param e a GCAM exception whose message is meant for the caller
     * @param locale the response language
     * @return the problem
     */
    public static Problem of(GcamException e, Locale locale) {
        List<Problem.FieldError> errors = e instanceof ValidationException invalid
                ? ViolationMapper.INSTANCE.toFieldErrors(invalid.violations(), locale)
                : List.of();
        return of(e.errorCode(), Problems.status(e.errorCode()), e.localizedMessage(locale), errors, null, locale);
    }

    /**
     * @param code the code
     * @param status the HTTP status
     * @param detail the localized detail
     * @param errors field errors
     * @param correlationId correlation id of a logged server failure
     * @param locale the response language
     * @return the problem
     */
    public static Problem of(ErrorCode code, int status, String detail, List<Problem.FieldError> errors,
            @Nullable String correlationId, Locale locale) {
        return new Problem(Problems.type(code.code()), Problems.title(code, locale), status, detail, code.code(),
                errors, correlationId);
    }

    /**
     * A server failure whose details stay in the log.
     *
     * @param code the code to report
     * @param status the status to report (5xx)
     * @param correlationId the id the failure was logged under
     * @param locale the response language
     * @return the problem, with a generic detail quoting {@code correlationId}
     */
    public static Problem serverFailure(ErrorCode code, int status, String correlationId, Locale locale) {
        return of(code, status, message(RestErrorCode.INTERNAL_ERROR.code(), locale, correlationId), List.of(),
                correlationId, locale);
    }

    /**
     * @param key a key of gcam-rest's bundle
     * @param locale the language
     * @param args message arguments
     * @return the message
     */
    public static String message(String key, Locale locale, Object... args) {
        return Messages.format(ProblemFactory.class.getClassLoader(), RestErrorCode.BUNDLE, key, locale, args);
    }

    /** @return a new random correlation id */
    public static String newCorrelationId() {
        return UUID.randomUUID().toString();
    }
}
