package io.gcam.registration.internal;

import io.gcam.core.LocalizedText;
import io.gcam.core.ValidationException;
import io.gcam.registration.ActivityDefinition;
import io.gcam.registration.EligibilityCriteria;
import io.gcam.registration.SessionDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Checks an {@link ActivityDefinition} and reports every offending field at once. */
public final class ActivityValidation {

    private static final int MAX_TITLE = 500;
    private static final int MAX_DESCRIPTION = 4000;
    private static final int MAX_CODE = 100;
    private static final int MAX_AGE = 150;

    private ActivityValidation() {
    }

    /**
     * @param d the definition
     * @throws ValidationException {@code VALIDATION_FAILED} listing every offending field
     */
    public static void check(ActivityDefinition d) {
        List<ValidationException.Violation> v = new ArrayList<>();
        if (d.agency().isBlank()) {
            v.add(Texts.violation("agency", "REQUIRED"));
        } else if (d.agency().length() > MAX_CODE) {
            v.add(Texts.violation("agency", "TOO_LONG", MAX_CODE));
        }
        length(v, "title", d.title(), MAX_TITLE);
        length(v, "description", d.description(), MAX_DESCRIPTION);
        String document = d.requiredDocumentType();
        if (document != null && (document.isBlank() || document.length() > MAX_CODE)) {
            v.add(Texts.violation("requiredDocumentType", "TOO_LONG", MAX_CODE));
        }
        if (d.sessions().isEmpty()) {
            v.add(Texts.violation("sessions", "SESSIONS_REQUIRED"));
        }
        Instant firstStart = null;
        for (int i = 0; i < d.sessions().size(); i++) {
            SessionDefinition s = d.sessions().get(i);
            String path = "sessions[" + i + "]";
            if (s.capacity() < 1) {
                v.add(Texts.violation(path + ".capacity", "CAPACITY_POSITIVE"));
            }
            if (!s.endsAt().isAfter(s.startsAt())) {
                v.add(Texts.violation(path + ".endsAt", "SESSION_ENDS_BEFORE_START"));
            }
            length(v, path + ".venue", s.venue(), MAX_TITLE);
            if (firstStart == null || s.startsAt().isBefore(firstStart)) {
                firstStart = s.startsAt();
            }
        }
        if (!d.registrationCloses().isAfter(d.registrationOpens())) {
            v.add(Texts.violation("registrationCloses", "WINDOW_ORDER"));
        } else if (firstStart != null && d.registrationCloses().isAfter(firstStart)) {
            v.add(Texts.violation("registrationCloses", "WINDOW_AFTER_SESSION"));
        }
        if (firstStart != null && d.cancellationDeadline().isAfter(firstStart)) {
            v.add(Texts.violation("cancellationDeadline", "WINDOW_AFTER_SESSION"));
        }
        int sessions = Math.max(1, d.sessions().size());
        if (d.maxSessionsPerApplicant() < 1 || d.maxSessionsPerApplicant() > sessions) {
            v.add(Texts.violation("maxSessionsPerApplicant", "MAX_SESSIONS_RANGE", sessions));
        }
        if (d.waitlistEnabled() && d.waitlistMaxLength() < 1) {
            v.add(Texts.violation("waitlistMaxLength", "WAITLIST_LENGTH_POSITIVE"));
        }
        EligibilityCriteria e = d.eligibility();
        Integer min = e.minimumAge();
        Integer max = e.maximumAge();
        if ((min != null && (min < 0 || min > MAX_AGE)) || (max != null && (max < 0 || max > MAX_AGE))
                || (min != null && max != null && min > max)) {
            v.add(Texts.violation("eligibility.minimumAge", "AGE_RANGE"));
        }
        if (e.hasAgeLimit() && e.ageReferenceDate() == null) {
            v.add(Texts.violation("eligibility.ageReferenceDate", "AGE_REFERENCE_REQUIRED"));
        }
        Integer qualification = e.minimumQualificationLevel();
        if (qualification != null && qualification < 0) {
            v.add(Texts.violation("eligibility.minimumQualificationLevel", "QUALIFICATION_RANGE"));
        }
        for (String status : e.residencyStatuses()) {
            if (status.isBlank() || status.contains(",") || status.length() > MAX_CODE) {
                v.add(Texts.violation("eligibility.residencyStatuses", "TOO_LONG", MAX_CODE));
                break;
            }
        }
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
    }

    private static void length(List<ValidationException.Violation> v, String field, @Nullable LocalizedText text,
            int max) {
        if (text == null) {
            return;
        }
        for (String value : new String[] {text.en(), text.zhHant(), text.pt()}) {
            if (value != null && value.length() > max) {
                v.add(Texts.violation(field, "TOO_LONG", max));
                return;
            }
        }
    }
}
