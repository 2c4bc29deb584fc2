package io.gcam.workflow;

import java.util.Objects;

/**
 * The result of a submission: the new application and its access code.
 *
 * @param application the application, in its start state
 * @param accessCode the code the applicant needs for status inquiries without login; shown to them
 *     once, stored only as a hash, never logged
 */
public record Submission(Application application, String accessCode) {

    /** Checks both fields. */
    public Submission {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(accessCode, "accessCode");
    }

    /** Leaves the access code out. */
    @Override
    public String toString() {
        return "Submission[" + application.referenceNumber() + "]";
    }
}
