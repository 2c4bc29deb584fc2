package io.gcam.registration;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which registrations of one activity a staff member lists or exports. Results are ordered by
 * registration time, then id.
 *
 * @param activityId the activity, required
 * @param sessionId only this session, or {@code null} for all
 * @param status only this status, or {@code null} for all
 * @param applicantId only this applicant, or {@code null} for all
 */
public record RegistrationQuery(ActivityId activityId, @Nullable SessionId sessionId,
        @Nullable RegistrationStatus status, @Nullable String applicantId) {

    /** Checks that the activity is present. */
    public RegistrationQuery {
        Objects.requireNonNull(activityId, "activityId");
    }

    /**
     * @param activityId the activity
     * @return a query for all its registrations
     */
    public static RegistrationQuery of(ActivityId activityId) {
        return new RegistrationQuery(activityId, null, null, null);
    }

    /**
     * @param session the session, or {@code null} for all
     * @return a copy limited to that session
     */
    public RegistrationQuery session(@Nullable SessionId session) {
        return new RegistrationQuery(activityId, session, status, applicantId);
    }

    /**
     * @param status the status, or {@code null} for all
     * @return a copy limited to that status
     */
    public RegistrationQuery status(@Nullable RegistrationStatus status) {
        return new RegistrationQuery(activityId, sessionId, status, applicantId);
    }

    /**
     * @param applicantId the applicant, or {@code null} for all
     * @return a copy limited to that applicant
     */
    public RegistrationQuery applicant(@Nullable String applicantId) {
        return new RegistrationQuery(activityId, sessionId, status, applicantId);
    }
}
