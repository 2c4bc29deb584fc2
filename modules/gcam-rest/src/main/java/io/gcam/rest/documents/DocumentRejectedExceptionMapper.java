package io.gcam.rest.documents;

import io.gcam.documents.DocumentErrorCode;
import io.gcam.documents.DocumentRejectedException;
import io.gcam.rest.Problem;
import io.gcam.rest.Problems;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Refused uploads as problem+json: {@code DOCUMENT_TOO_LARGE} 413; {@code DOCUMENT_MEDIA_TYPE_NOT_ALLOWED},
 * {@code DOCUMENT_CONTENT_MISMATCH} and {@code DOCUMENT_ARCHIVE_NOT_ALLOWED} 415; every other refusal
 * 422. The body carries the code and a message in the caller's language.
 */
@Provider
public final class DocumentRejectedExceptionMapper implements ExceptionMapper<DocumentRejectedException> {

    @Context
    private @Nullable HttpHeaders headers;

    /** Creates the mapper. */
    public DocumentRejectedExceptionMapper() {
    }

    /**
     * @param code a refusal code
     * @return its HTTP status
     */
    public static int status(DocumentErrorCode code) {
        return switch (code) {
            case DOCUMENT_TOO_LARGE -> 413;
            case DOCUMENT_MEDIA_TYPE_NOT_ALLOWED, DOCUMENT_CONTENT_MISMATCH, DOCUMENT_ARCHIVE_NOT_ALLOWED -> 415;
            default -> 422;
        };
    }

    @Override
    public Response toResponse(DocumentRejectedException exception) {
        Locale locale = headers == null ? Locale.ENGLISH : Problems.locale(headers);
        int status = status((DocumentErrorCode) exception.errorCode());
        Problem problem = new Problem(Problems.type(exception.code()), Problems.title(exception.errorCode(), locale),
                status, exception.localizedMessage(locale), exception.code(), List.of(), null);
        return Response.fromResponse(Problems.response(problem, locale)).status(status).build();
    }
}
