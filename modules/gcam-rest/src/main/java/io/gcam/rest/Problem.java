package io.gcam.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of every error response: an RFC 9457 problem detail ({@code application/problem+json})
 * with two extension members, {@code code} and {@code errors}.
 *
 * <pre>{@code
 * {"type":"https://gcam.io/problems/validation-failed","title":"Invalid request","status":400,
 *  "detail":"The request is not valid: email: enter a valid e-mail address",
 *  "code":"VALIDATION_FAILED","errors":[{"field":"email","message":"enter a valid e-mail address"}]}
 * }</pre>
 *
 * @param type identifies the problem type: {@code https://gcam.io/problems/<code in lower-kebab-case>},
 *     one stable URI per {@link #code()} (see {@link Problems#type(String)})
 * @param title short summary of the problem type in the response language
 * @param status the HTTP status code
 * @param detail what went wrong in this occurrence and what to do, in the response language
 * @param code the stable GCAM error code clients switch on, e.g. {@code NOT_FOUND}
 * @param errors the offending fields, for validation and unreadable-request problems; else empty
 * @param correlationId for server errors: the id under which the failure was logged, to quote to
 *     support; else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "code", "errors", "correlationId"})
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String code,
        List<FieldError> errors,
        @Nullable String correlationId) {

    /** The media type of problem documents, {@code application/problem+json}. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Validates the members and copies {@code errors}. */
    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(code, "code");
        errors = errors == null ? List.of() : List.copyOf(errors);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, not " + status);
        }
    }

    /**
     * One offending field of the request.
     *
     * @param field property path such as {@code contacts[0].email}; empty for the request as a whole
     * @param message what is wrong with it, in the response language
     */
    public record FieldError(String field, String message) {
    }
}
