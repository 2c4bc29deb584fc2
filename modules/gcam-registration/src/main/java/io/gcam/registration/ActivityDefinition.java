package io.gcam.registration;

import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an agency defines about an activity. Built with {@link #builder()}; the service checks the
 * values ({@code VALIDATION_FAILED} names every offending field) when the activity is created.
 *
 * <pre>{@code
 * ActivityDefinition exam = ActivityDefinition.builder()
 *         .agency("SAFP")
 *         .title(LocalizedText.of("Unified recruitment exam", "統一招聘考試", "Concurso unificado"))
 *         .category(ActivityCategory.EXAM)
 *         .session(new SessionDefinition(venue, startsAt, endsAt, 50))
 *         .registrationWindow(opens, closes)
 *         .cancellationDeadline(deadline)
 *         .waitlist(100)
 *         .build();
 * }</pre>
 *
 * @param agency code of the agency that runs the activity
 * @param title title in the three languages
 * @param description description, or {@code null}
 * @param category what kind of activity it is
 * @param sessions the sessions, at least one, in display order
 * @param registrationOpens first instant registrations are taken
 * @param registrationCloses instant from which registrations are no longer taken; after
 *     {@code registrationOpens} and not after the first session starts
 * @param cancellationDeadline instant from which applicants can no longer cancel (staff still can)
 * @param maxSessionsPerApplicant how many sessions of this activity one applicant may hold at once,
 *     1 (the default) to the number of sessions
 * @param waitlistEnabled whether full sessions take waitlisted registrations
 * @param waitlistMaxLength how many registrations may wait per session when the waitlist is enabled,
 *     at least 1; 0 when disabled
 * @param requiredDocumentType code of the document requirement type applicants must supply
 *     (checked by the document intake, not here), or {@code null}
 * @param eligibility the built-in eligibility conditions
 */
public record ActivityDefinition(
        String agency,
        LocalizedText title,
        @Nullable LocalizedText description,
        ActivityCategory category,
        List<SessionDefinition> sessions,
        Instant registrationOpens,
        Instant registrationCloses,
        Instant cancellationDeadline,
        int maxSessionsPerApplicant,
        boolean waitlistEnabled,
        int waitlistMaxLength,
        @Nullable String requiredDocumentType,
        EligibilityCriteria eligibility) {

    /** Checks that required components are present and copies the sessions. */
    public ActivityDefinition {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        sessions = List.copyOf(sessions);
        Objects.requireNonNull(registrationOpens, "registrationOpens");
        Objects.requireNonNull(registrationCloses, "registrationCloses");
        Objects.requireNonNull(cancellationDeadline, "cancellationDeadline");
        Objects.requireNonNull(eligibility, "eligibility");
        if (!waitlistEnabled) {
            waitlistMaxLength = 0;
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the waitlist length the store enforces per session: 0 when the waitlist is off */
    public int effectiveWaitlistLimit() {
        return waitlistEnabled ? waitlistMaxLength : 0;
    }

    /** Builds an {@link ActivityDefinition}. Agency, title, at least one session, window and deadline are required. */
    public static final class Builder {
        private @Nullable String agency;
        private @Nullable LocalizedText title;
        private @Nullable LocalizedText description;
        private ActivityCategory category = ActivityCategory.EXAM;
        private final List<SessionDefinition> sessions = new ArrayList<>();
        private @Nullable Instant opens;
        private @Nullable Instant closes;
        private @Nullable Instant cancellationDeadline;
        private int maxSessionsPerApplicant = 1;
        private boolean waitlistEnabled;
        private int waitlistMaxLength;
        private @Nullable String requiredDocumentType;
        private EligibilityCriteria eligibility = EligibilityCriteria.none();

        private Builder() {
        }

        /**
         * @param agency the agency code
         * @return this builder
         */
        public Builder agency(String agency) {
            this.agency = agency;
            return this;
        }

        /**
         * @param title the title
         * @return this builder
         */
        public Builder title(LocalizedText title) {
            this.title = title;
            return this;
        }

        /**
         * @param description the description, or {@code null}
         * @return this builder
         */
        public Builder description(@Nullable LocalizedText description) {
            this.description = description;
            return this;
        }

        /**
         * @param category the category (default {@link ActivityCategory#EXAM})
         * @return this builder
         */
        public Builder category(ActivityCategory category) {
            this.category = category;
            return this;
        }

        /**
         * Adds a session.
         *
         * @param session the session
         * @return this builder
         */
        public Builder session(SessionDefinition session) {
            this.sessions.add(Objects.requireNonNull(session, "session"));
            return this;
        }

        /**
         * @param opens first instant registrations are taken
         * @param closes instant from which they are no longer taken
         * @return this builder
         */
        public Builder registrationWindow(Instant opens, Instant closes) {
            this.opens = opens;
            this.closes = closes;
            return this;
        }

        /**
         * @param deadline instant from which applicants can no longer cancel
         * @return this builder
         */
        public Builder cancellationDeadline(Instant deadline) {
            this.cancellationDeadline = deadline;
            return this;
        }

        /**
         * @param max sessions one applicant may hold at once (default 1)
         * @return this builder
         */
        public Builder maxSessionsPerApplicant(int max) {
            this.maxSessionsPerApplicant = max;
            return this;
        }

        /**
         * Turns the waitlist on.
         *
         * @param maxLength how many may wait per session, at least 1
         * @return this builder
         */
        public Builder waitlist(int maxLength) {
            this.waitlistEnabled = true;
            this.waitlistMaxLength = maxLength;
            return this;
        }

        /**
         * Turns the waitlist off (the default): full sessions reject with {@code REGISTRATION_FULL}.
         *
         * @return this builder
         */
        public Builder noWaitlist() {
            this.waitlistEnabled = false;
            this.waitlistMaxLength = 0;
            return this;
        }

        /**
         * @param code the document requirement type code, or {@code null}
         * @return this builder
         */
        public Builder requiredDocumentType(@Nullable String code) {
            this.requiredDocumentType = code;
            return this;
        }

        /**
         * @param eligibility the built-in eligibility conditions (default {@link EligibilityCriteria#none()})
         * @return this builder
         */
        public Builder eligibility(EligibilityCriteria eligibility) {
            this.eligibility = eligibility;
            return this;
        }

        /**
         * @return the definition
         * @throws NullPointerException when agency, title, window or deadline is missing
         */
        public ActivityDefinition build() {
            return new ActivityDefinition(Objects.requireNonNull(agency, "agency"),
                    Objects.requireNonNull(title, "title"), description, category, sessions,
                    Objects.requireNonNull(opens, "registrationWindow"), Objects.requireNonNull(closes, "registrationWindow"),
                    Objects.requireNonNull(cancellationDeadline, "cancellationDeadline"), maxSessionsPerApplicant,
                    waitlistEnabled, waitlistMaxLength, requiredDocumentType, eligibility);
        }
    }
}
