package io.gcam.rest;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.gcam.core.GcamException;
import io.gcam.rest.internal.ProblemFactory;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request body that is not JSON of the expected shape with a 400 problem
 * ({@code MALFORMED_REQUEST}) naming the offending field: a syntax error (with line and column), an
 * unknown field (GCAM rejects unknown fields, see {@link GcamJackson}), a value of the wrong type, or
 * an empty body.
 *
 * <p>When a request record's constructor rejects its input by throwing a {@link GcamException}
 * (typically a {@link io.gcam.core.ValidationException}), that exception's problem is answered
 * instead. Jackson failures that are server defects (a type that cannot be serialized) become a 500
 * problem, logged with a correlation id.
 */
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonExceptionMapper.class);

    private final GcamExceptionMapper gcamMapper;

    @Context
    private @Nullable HttpHeaders headers;

    /** Creates the mapper. */
    public JsonExceptionMapper() {
        this(new GcamExceptionMapper());
    }

    /**
     * @param gcamMapper answers GCAM exceptions thrown by request constructors
     */
    public JsonExceptionMapper(GcamExceptionMapper gcamMapper) {
        this.gcamMapper = gcamMapper;
    }

    @Override
    public Response toResponse(JsonProcessingException exception) {
        Locale locale = headers == null ? Locale.ENGLISH : Problems.locale(headers);
        if (exception instanceof ValueInstantiationException instantiation
                && instantiation.getCause() instanceof GcamException gcam) {
            return Problems.response(ProblemFactory.of(gcam, locale), locale);
        }
        if (exception instanceof InvalidDefinitionException || !isReadFailure(exception)) {
            String id = ProblemFactory.newCorrelationId();
            LOG.error("JSON mapping defect (correlation id {})", id, exception);
            return Problems.response(ProblemFactory.serverFailure(RestErrorCode.INTERNAL_ERROR, 500, id, locale),
                    locale);
        }
        LOG.debug("Unreadable request body: {}", exception.getOriginalMessage());
        Problem.FieldError error = new Problem.FieldError(path(exception), reason(exception, locale));
        return Problems.response(ProblemFactory.of(RestErrorCode.MALFORMED_REQUEST, 400,
                ProblemFactory.message(RestErrorCode.MALFORMED_REQUEST.code(), locale), List.of(error), null, locale),
                locale);
    }

    private static boolean isReadFailure(JsonProcessingException e) {
        if (e instanceof JsonGenerationException) {
            return false;
        }
        return !(e instanceof JsonMappingException mapping && mapping.getProcessor() instanceof JsonGenerator);
    }

    private static String reason(JsonProcessingException e, Locale locale) {
        if (e instanceof UnrecognizedPropertyException) {
            return ProblemFactory.message("field.unknown", locale);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()
                && String.valueOf(mismatch.getOriginalMessage()).startsWith("No content")) {
            return ProblemFactory.message("body.empty", locale);
        }
        if (e instanceof StreamReadException) {
            JsonLocation where = e.getLocation();
            return ProblemFactory.message("body.syntax", locale,
                    where == null ? 0 : where.getLineNr(), where == null ? 0 : where.getColumnNr());
        }
        return ProblemFactory.message("field.invalid", locale);
    }

    private static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
