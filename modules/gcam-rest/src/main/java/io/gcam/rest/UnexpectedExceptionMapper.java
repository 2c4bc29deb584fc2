package io.gcam.rest;

import io.gcam.rest.internal.ProblemFactory;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: answers any exception no other mapper handles with a 500 problem
 * ({@code INTERNAL_ERROR}) whose detail is a generic localized message quoting a correlation id.
 * The exception and its stack trace are logged under that id and never sent to the client.
 */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private @Nullable HttpHeaders headers;

    /** Creates the mapper. */
    public UnexpectedExceptionMapper() {
    }

    @Override
    public Response toResponse(Throwable exception) {
        Locale locale = headers == null ? Locale.ENGLISH : Problems.locale(headers);
        String id = ProblemFactory.newCorrelationId();
        LOG.error("Unexpected error (correlation id {})", id, exception);
        return Problems.response(ProblemFactory.serverFailure(RestErrorCode.INTERNAL_ERROR, 500, id, locale), locale);
    }
}
