package io.gcam.rest;

import io.gcam.core.ErrorKind;
import io.gcam.core.GcamException;
import io.gcam.rest.internal.ProblemFactory;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every {@link GcamException} with an {@code application/problem+json} {@link Problem}: the
 * status from {@link Problems#status(io.gcam.core.ErrorCode)}, the detail localized by the request's
 * {@code Accept-Language}, the stable {@code code}, and for a
 * {@link io.gcam.core.ValidationException} the offending fields in {@code errors}.
 *
 * <p>Errors of kind {@link ErrorKind#INTERNAL} are defects: their message may describe internals, so
 * the client gets a generic message with a correlation id and the full exception is logged under
 * that id. {@link UnauthenticatedException} responses carry a {@code WWW-Authenticate} challenge.
 */
public class GcamExceptionMapper implements ExceptionMapper<GcamException> {

    private static final Logger LOG = LoggerFactory.getLogger(GcamExceptionMapper.class);

    private final String challenge;

    @Context
    private @Nullable HttpHeaders headers;

    /** A mapper whose 401 responses challenge with {@code Bearer}. */
    public GcamExceptionMapper() {
        this("Bearer");
    }

    /**
     * @param challenge the {@code WWW-Authenticate} value of 401 responses, e.g. {@code Bearer realm="portal"}
     */
    public GcamExceptionMapper(String challenge) {
        this.challenge = Objects.requireNonNull(challenge, "challenge");
    }

    @Override
    public Response toResponse(GcamException exception) {
        Locale locale = headers == null ? Locale.ENGLISH : Problems.locale(headers);
        Problem problem;
        if (exception.kind() == ErrorKind.INTERNAL) {
            String id = ProblemFactory.newCorrelationId();
            LOG.error("GCAM error {} (correlation id {})", exception.code(), id, exception);
            problem = ProblemFactory.serverFailure(exception.errorCode(), Problems.status(exception.errorCode()), id,
                    locale);
        } else {
            if (exception.kind() == ErrorKind.UNAVAILABLE) {
                LOG.warn("GCAM error {}: {}", exception.code(), exception.getMessage(), exception.getCause());
            } else {
                LOG.debug("GCAM error {}: {}", exception.code(), exception.getMessage());
            }
            problem = ProblemFactory.of(exception, locale);
        }
        Response response = Problems.response(problem, locale);
        if (exception instanceof UnauthenticatedException) {
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
        }
        return response;
    }
}
