package io.gcam.rest.registration;

import io.gcam.core.LocalizedText;
import io.gcam.core.ValidationException;
import io.gcam.registration.ActivityCategory;
import io.gcam.registration.ActivityDefinition;
import io.gcam.rest.registration.internal.RegistrationDtoMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the registration API. */
public final class RegistrationDtos {

    private RegistrationDtos() {
    }

    /**
     * A session as the API shows it.
     *
     * @param id the session id
     * @param venue the venue
     * @param startsAt start
     * @param endsAt end
     * @param capacity seats
     * @param freeSeats seats still free
     * @param waitlisted registrations waiting
     */
    public record SessionDto(String id, LocalizedText venue, Instant startsAt, Instant endsAt, int capacity,
            int freeSeats, int waitlisted) {
    }

    /**
     * An activity as the API shows it.
     *
     * @param id the activity id
     * @param agency the agency code
     * @param status its status
     * @param category its category
     * @param title title
     * @param description description, or {@code null}
     * @param registrationOpens window start
     * @param registrationCloses window end
     * @param cancellationDeadline the applicants' cancellation deadline
     * @param maxSessionsPerApplicant sessions one applicant may hold
     * @param waitlistEnabled whether full sessions take waitlisted registrations
     * @param requiredDocumentType document requirement type code, or {@code null}
     * @param sessions the sessions
     */
    public record ActivityDto(String id, String agency, String status, String category, LocalizedText title,
            @Nullable LocalizedText description, Instant registrationOpens, Instant registrationCloses,
            Instant cancellationDeadline, int maxSessionsPerApplicant, boolean waitlistEnabled,
            @Nullable String requiredDocumentType, List<SessionDto> sessions) {
    }

    /**
     * A registration as the API shows it.
     *
     * @param id the registration id
     * @param activityId the activity
     * @param sessionId the session
     * @param status {@code CONFIRMED}, {@code WAITLISTED} or {@code CANCELLED}
     * @param candidateNumber the candidate number, when confirmed
     * @param waitlistPosition the position, when waitlisted
     * @param registeredAt when registered
     * @param cancelledAt when cancelled
     * @param applicantId the applicant's subject id (staff views only)
     */
    public record RegistrationDto(String id, String activityId, String sessionId, String status,
            @Nullable String candidateNumber, @Nullable Integer waitlistPosition, Instant registeredAt,
            @Nullable Instant cancelledAt, @Nullable String applicantId) {
    }

    /**
     * An admission slip.
     *
     * @param registrationId the registration
     * @param candidateNumber the candidate number
     * @param activityTitle the activity's title
     * @param venue the venue
     * @param startsAt start
     * @param endsAt end
     */
    public record AdmissionSlipDto(String registrationId, String candidateNumber, LocalizedText activityTitle,
            LocalizedText venue, Instant startsAt, Instant endsAt) {
    }

    /**
     * The body of {@code POST /api/v1/activities/{id}/registrations}.
     *
     * @param sessionId the chosen session
     */
    public record NewRegistration(@Nullable String sessionId) {
    }

    /**
     * The body of {@code POST /api/v1/registrations/{id}/session-change}.
     *
     * @param sessionId the session to move to: another session of the same activity with a free seat
     */
    public record SessionChange(@Nullable String sessionId) {
    }

    /**
     * A session of a new activity.
     *
     * @param venue the venue
     * @param startsAt start
     * @param endsAt end
     * @param capacity seats
     */
    public record NewSession(@Nullable LocalizedText venue, @Nullable Instant startsAt, @Nullable Instant endsAt,
            @Nullable Integer capacity) {
    }

    /**
     * Eligibility conditions of a new activity.
     *
     * @param minimumAge lowest age, or {@code null}
     * @param maximumAge highest age, or {@code null}
     * @param ageReferenceDate date the age is computed at
     * @param residencyStatuses admitted residency statuses
     * @param minimumQualificationLevel lowest qualification level, or {@code null}
     */
    public record NewEligibility(@Nullable Integer minimumAge, @Nullable Integer maximumAge,
            @Nullable LocalDate ageReferenceDate, @Nullable Set<String> residencyStatuses,
            @Nullable Integer minimumQualificationLevel) {
    }

    /**
     * The body of {@code POST /api/v1/activities}.
     *
     * @param agency agency code
     * @param title title
     * @param description description
     * @param category {@code EXAM}, {@code COURSE}, {@code EVENT}, {@code BRIEFING} or {@code OTHER}
     * @param sessions sessions
     * @param registrationOpens window start
     * @param registrationCloses window end
     * @param cancellationDeadline cancellation deadline
     * @param maxSessionsPerApplicant sessions one applicant may hold (default 1)
     * @param waitlistMaxLength waitlist length per session; {@code null} or 0 turns the waitlist off
     * @param requiredDocumentType document requirement type code
     * @param eligibility eligibility conditions
     */
    public record NewActivity(@Nullable String agency, @Nullable LocalizedText title,
            @Nullable LocalizedText description, @Nullable ActivityCategory category,
            @Nullable List<NewSession> sessions, @Nullable Instant registrationOpens,
            @Nullable Instant registrationCloses, @Nullable Instant cancellationDeadline,
            @Nullable Integer maxSessionsPerApplicant, @Nullable Integer waitlistMaxLength,
            @Nullable String requiredDocumentType, @Nullable NewEligibility eligibility) {

        ActivityDefinition toDefinition() {
            List<ValidationException.Violation> missing = new ArrayList<>();
            require(missing, "agency", agency);
            require(missing, "title", title);
            require(missing, "registrationOpens", registrationOpens);
            require(missing, "registrationCloses", registrationCloses);
            require(missing, "cancellationDeadline", cancellationDeadline);
            List<NewSession> given = sessions == null ? List.of() : sessions;
            for (int i = 0; i < given.size(); i++) {
                NewSession s = given.get(i);
                require(missing, "sessions[" + i + "].venue", s.venue());
                require(missing, "sessions[" + i + "].startsAt", s.startsAt());
                require(missing, "sessions[" + i + "].endsAt", s.endsAt());
                require(missing, "sessions[" + i + "].capacity", s.capacity());
            }
            if (!missing.isEmpty()) {
                throw new ValidationException(missing);
            }
            ActivityDefinition.Builder b = ActivityDefinition.builder()
                    .agency(agency)
                    .title(title)
                    .description(description)
                    .category(category == null ? ActivityCategory.EXAM : category)
                    .registrationWindow(registrationOpens, registrationCloses)
                    .cancellationDeadline(cancellationDeadline)
                    .maxSessionsPerApplicant(maxSessionsPerApplicant == null ? 1 : maxSessionsPerApplicant)
                    .requiredDocumentType(requiredDocumentType);
            for (NewSession s : given) {
                b.session(RegistrationDtoMapper.INSTANCE.toDefinition(s));
            }
            if (waitlistMaxLength != null && waitlistMaxLength != 0) {
                b.waitlist(waitlistMaxLength);
            }
            if (eligibility != null) {
                b.eligibility(RegistrationDtoMapper.INSTANCE.toCriteria(eligibility));
            }
            return b.build();
        }

        private static void require(List<ValidationException.Violation> missing, String field, @Nullable Object value) {
            if (value == null) {
                missing.add(new ValidationException.Violation(field,
                        LocalizedText.of("is required", "必須填寫", "é obrigatório")));
            }
        }
    }

    /**
     * Counts of an activity's registrations.
     *
     * @param confirmed confirmed
     * @param waitlisted waitlisted
     * @param cancelled cancelled
     */
    public record CountsDto(long confirmed, long waitlisted, long cancelled) {
    }
}
