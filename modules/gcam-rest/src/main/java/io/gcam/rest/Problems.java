package io.gcam.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.ErrorCode;
import io.gcam.core.ErrorKind;
import io.gcam.core.GcamLocales;
import io.gcam.core.Messages;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * How GCAM errors become HTTP problems: the status, the type URI and the language of each problem.
 *
 * <h2>Status</h2>
 * A {@link RestErrorCode} has its own status. Every other code maps by its {@link ErrorKind}:
 * {@code INVALID_INPUT} 400 (including {@code VALIDATION_FAILED}: one rule for all input errors, as
 * most public APIs do), {@code ACCESS_DENIED} 403, {@code NOT_FOUND} 404, {@code CONFLICT} 409,
 * {@code RULE_VIOLATION} 422, {@code UNAVAILABLE} 503, {@code INTERNAL} 500. The one exception is
 * {@code IDEMPOTENCY_KEY_REUSED}, 422 as the IETF Idempotency-Key draft specifies.
 *
 * <h2>Type</h2>
 * {@code https://gcam.io/problems/} followed by the code in lower kebab case
 * ({@code NOT_FOUND} becomes {@code https://gcam.io/problems/not-found}). The URI identifies the
 * problem type and never changes for a code; the documentation lists every code under that address.
 *
 * <h2>Language</h2>
 * The first language of the request's {@code Accept-Language} that GCAM speaks (English,
 * Traditional Chinese, Portuguese), else English; see {@link GcamLocales#resolve(List)}. Problem
 * responses carry it in {@code Content-Language} and declare {@code Vary: Accept-Language}.
 */
public final class Problems {

    /** Base of every problem type URI. */
    public static final String TYPE_BASE = "https://gcam.io/problems/";

    private static final ObjectMapper JSON = GcamJackson.newObjectMapper();

    private Problems() {
    }

    /**
     * @param code an error code
     * @return the HTTP status of a problem with that code
     */
    public static int status(ErrorCode code) {
        if (code instanceof RestErrorCode rest) {
            return rest.status();
        }
        if (code == CoreErrorCode.IDEMPOTENCY_KEY_REUSED) {
            return 422;
        }
        return status(code.kind());
    }

    /**
     * @param kind an error kind
     * @return the HTTP status for that kind
     */
    public static int status(ErrorKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case ACCESS_DENIED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case RULE_VIOLATION -> 422;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    /**
     * @param code an error code such as {@code NOT_FOUND}
     * @return its problem type URI, e.g. {@code https://gcam.io/problems/not-found}
     */
    public static URI type(String code) {
        return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /**
     * The language of the response to a request.
     *
     * @param headers the request headers
     * @return English, Traditional Chinese or Portuguese
     */
    public static Locale locale(HttpHeaders headers) {
        try {
            return GcamLocales.resolve(headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return GcamLocales.ENGLISH;
        }
    }

    /**
     * The localized title of a problem type: specific to the code where gcam-rest defines one,
     * otherwise the title of its kind.
     *
     * @param code the error code
     * @param locale the response language
     * @return the title
     */
    public static String title(ErrorCode code, Locale locale) {
        String specific = Messages.format(Problems.class.getClassLoader(), RestErrorCode.BUNDLE,
                "title." + code.code(), locale);
        if (!specific.equals("title." + code.code())) {
            return specific;
        }
        return Messages.format(Problems.class.getClassLoader(), RestErrorCode.BUNDLE,
                "title." + code.kind().name(), locale);
    }

    /**
     * Builds the HTTP response carrying {@code problem}, serialized with GCAM's own JSON settings so
     * that it never depends on the application's message body writers.
     *
     * @param problem the problem
     * @param locale the language the problem is written in
     * @return a response with {@code Content-Type: application/problem+json}, {@code Content-Language}
     *     and {@code Vary: Accept-Language}
     */
    public static Response response(Problem problem, Locale locale) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .language(locale.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .entity(toJson(problem))
                .build();
    }

    static byte[] toJson(Problem problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem is always serializable", e);
        }
    }
}
