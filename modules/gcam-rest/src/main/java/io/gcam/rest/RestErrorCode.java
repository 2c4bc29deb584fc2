package io.gcam.rest;

import io.gcam.core.ErrorCode;
import io.gcam.core.ErrorKind;

/**
 * Error codes raised by the REST layer itself: authentication, unreadable requests and HTTP-level
 * failures. Each has a fixed HTTP status ({@link #status()}), which may differ from what its
 * {@link ErrorKind} alone would give (for example {@link #UNAUTHENTICATED} is 401, not 403).
 */
public enum RestErrorCode implements ErrorCode {
    /** The request needs credentials and carries none, or carries invalid ones. 401. */
    UNAUTHENTICATED(ErrorKind.ACCESS_DENIED, 401),
    /** The request body is not JSON of the expected shape. 400, with the offending fields. */
    MALFORMED_REQUEST(ErrorKind.INVALID_INPUT, 400),
    /** The {@code Idempotency-Key} header is not 1 to 255 visible ASCII characters. 400. */
    IDEMPOTENCY_KEY_INVALID(ErrorKind.INVALID_INPUT, 400),
    /** The operation requires an {@code Idempotency-Key} header and none was sent. 400. */
    IDEMPOTENCY_KEY_MISSING(ErrorKind.INVALID_INPUT, 400),
    /** The runtime rejected the request as malformed (for example an unreadable parameter). 400. */
    HTTP_BAD_REQUEST(ErrorKind.INVALID_INPUT, 400),
    /** The runtime refused the request. 403. */
    HTTP_FORBIDDEN(ErrorKind.ACCESS_DENIED, 403),
    /** Nothing exists at the requested address. 404. */
    HTTP_NOT_FOUND(ErrorKind.NOT_FOUND, 404),
    /** The address exists but not for this HTTP method; the {@code Allow} header lists those that are. 405. */
    HTTP_METHOD_NOT_ALLOWED(ErrorKind.INVALID_INPUT, 405),
    /** None of the media types in {@code Accept} can be produced. 406. */
    HTTP_NOT_ACCEPTABLE(ErrorKind.INVALID_INPUT, 406),
    /** The request's {@code Content-Type} is not accepted. 415. */
    HTTP_UNSUPPORTED_MEDIA_TYPE(ErrorKind.INVALID_INPUT, 415),
    /** Any other HTTP-level failure; the problem's status is the one the runtime chose. */
    HTTP_ERROR(ErrorKind.INVALID_INPUT, 400),
    /** An unexpected failure on the server; the problem carries a correlation id to quote. 500. */
    INTERNAL_ERROR(ErrorKind.INTERNAL, 500);

    /** Base name of gcam-rest's message bundle. */
    public static final String BUNDLE = "io.gcam.rest.messages";

    private final ErrorKind kind;
    private final int status;

    RestErrorCode(ErrorKind kind, int status) {
        this.kind = kind;
        this.status = status;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }

    /** @return the HTTP status of a problem with this code */
    public int status() {
        return status;
    }
}
