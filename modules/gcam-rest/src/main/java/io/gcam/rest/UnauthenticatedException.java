package io.gcam.rest;

import io.gcam.core.GcamException;

/**
 * The request needs an authenticated actor and has none, or its credentials are not valid. Code
 * {@code UNAUTHENTICATED}; answered with status 401 and a {@code WWW-Authenticate} challenge.
 */
public class UnauthenticatedException extends GcamException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. Its message never says why the credentials were refused. */
    public UnauthenticatedException() {
        super(RestErrorCode.UNAUTHENTICATED);
    }
}
