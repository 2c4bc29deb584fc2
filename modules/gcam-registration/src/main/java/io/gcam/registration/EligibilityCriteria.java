package io.gcam.registration;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The built-in eligibility conditions of an activity. Each condition is optional; {@link #none()}
 * admits everyone. Agency-specific conditions are {@link io.gcam.registration.spi.EligibilityRule}s.
 *
 * @param minimumAge lowest admitted age in whole years at {@code ageReferenceDate}, or {@code null}
 * @param maximumAge highest admitted age in whole years at {@code ageReferenceDate}, or {@code null}
 * @param ageReferenceDate the date the age is computed at; required when an age limit is set
 * @param residencyStatuses admitted residency statuses (agency codes such as {@code PERMANENT});
 *     empty admits every status
 * @param minimumQualificationLevel lowest admitted qualification level (a number on the agency's
 *     scale, e.g. 1 primary ... 6 master), or {@code null}
 */
public record EligibilityCriteria(
        @Nullable Integer minimumAge,
        @Nullable Integer maximumAge,
        @Nullable LocalDate ageReferenceDate,
        Set<String> residencyStatuses,
        @Nullable Integer minimumQualificationLevel) {

    private static final EligibilityCriteria NONE = new EligibilityCriteria(null, null, null, Set.of(), null);

    /** Copies the residency statuses. */
    public EligibilityCriteria {
        residencyStatuses = Set.copyOf(Objects.requireNonNull(residencyStatuses, "residencyStatuses"));
    }

    /** @return criteria that admit everyone */
    public static EligibilityCriteria none() {
        return NONE;
    }

    /** @return a builder starting from {@link #none()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether an age limit is set */
    public boolean hasAgeLimit() {
        return minimumAge != null || maximumAge != null;
    }

    /** Builds {@link EligibilityCriteria}. */
    public static final class Builder {
        private @Nullable Integer minimumAge;
        private @Nullable Integer maximumAge;
        private @Nullable LocalDate ageReferenceDate;
        private Set<String> residencyStatuses = Set.of();
        private @Nullable Integer minimumQualificationLevel;

        private Builder() {
        }

        /**
         * @param minimumAge lowest age (inclusive), or {@code null}
         * @param maximumAge highest age (inclusive), or {@code null}
         * @param referenceDate the date the age is computed at
         * @return this builder
         */
        public Builder age(@Nullable Integer minimumAge, @Nullable Integer maximumAge, LocalDate referenceDate) {
            this.minimumAge = minimumAge;
            this.maximumAge = maximumAge;
            this.ageReferenceDate = Objects.requireNonNull(referenceDate, "referenceDate");
            return this;
        }

        /**
         * @param statuses admitted residency statuses
         * @return this builder
         */
        public Builder residencyStatuses(String... statuses) {
            this.residencyStatuses = Set.of(statuses);
            return this;
        }

        /**
         * @param level lowest admitted qualification level
         * @return this builder
         */
        public Builder minimumQualificationLevel(int level) {
            this.minimumQualificationLevel = level;
            return this;
        }

        /** @return the criteria */
        public EligibilityCriteria build() {
            return new EligibilityCriteria(minimumAge, maximumAge, ageReferenceDate, residencyStatuses,
                    minimumQualificationLevel);
        }
    }
}
