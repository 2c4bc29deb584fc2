package io.gcam.profile;

import io.gcam.core.GcamException;

/** A profile operation refused for a reason named by a {@link ProfileErrorCode}. */
public class ProfileException extends GcamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code why
     * @param arguments the message arguments the code documents
     */
    public ProfileException(ProfileErrorCode code, Object... arguments) {
        super(code, arguments);
    }
}
