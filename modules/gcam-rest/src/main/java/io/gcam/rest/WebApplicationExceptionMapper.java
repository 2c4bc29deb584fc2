package io.gcam.rest;

import io.gcam.rest.internal.ProblemFactory;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the runtime's own HTTP errors (no such address 404, method not allowed 405, unsupported
 * media type 415, unreadable parameter, ...) with a problem, so that clients get
 * {@code application/problem+json} for every error. A {@link WebApplicationException} whose response
 * already has a body, or a status below 400 (a redirection), is passed through unchanged. Headers of the original response (such as
 * {@code Allow} or {@code Retry-After}) are kept.
 */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);
    private static final Set<String> REPLACED = Set.of(HttpHeaders.CONTENT_TYPE.toLowerCase(Locale.ROOT),
            HttpHeaders.CONTENT_LENGTH.toLowerCase(Locale.ROOT), HttpHeaders.CONTENT_LANGUAGE.toLowerCase(Locale.ROOT),
            HttpHeaders.VARY.toLowerCase(Locale.ROOT));

    @Context
    private @Nullable HttpHeaders headers;

    /** Creates the mapper. */
    public WebApplicationExceptionMapper() {
    }

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity() || original.getStatus() < 400) {
            return original;
        }
        Locale locale = headers == null ? Locale.ENGLISH : Problems.locale(headers);
        int status = original.getStatus();
        Problem problem;
        if (status >= 500) {
            String id = ProblemFactory.newCorrelationId();
            LOG.error("HTTP {} (correlation id {})", status, id, exception);
            problem = ProblemFactory.serverFailure(RestErrorCode.INTERNAL_ERROR, status, id, locale);
        } else {
            RestErrorCode code = switch (status) {
                case 400 -> RestErrorCode.HTTP_BAD_REQUEST;
                case 401 -> RestErrorCode.UNAUTHENTICATED;
                case 403 -> RestErrorCode.HTTP_FORBIDDEN;
                case 404 -> RestErrorCode.HTTP_NOT_FOUND;
                case 405 -> RestErrorCode.HTTP_METHOD_NOT_ALLOWED;
                case 406 -> RestErrorCode.HTTP_NOT_ACCEPTABLE;
                case 415 -> RestErrorCode.HTTP_UNSUPPORTED_MEDIA_TYPE;
                default -> RestErrorCode.HTTP_ERROR;
            };
            LOG.debug("HTTP {}: {}", status, exception.getMessage());
            problem = ProblemFactory.of(code, status,
                    ProblemFactory.message(code.code(), locale, status), List.of(), null, locale);
        }
        Response.ResponseBuilder builder = Response.fromResponse(Problems.response(problem, locale));
        original.getHeaders().forEach((name, values) -> {
            if (!REPLACED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }
}
