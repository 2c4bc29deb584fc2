package io.gcam.appointment;

import io.gcam.appointment.internal.Texts;
import io.gcam.core.LocalizedText;
import io.gcam.core.ReferenceNumberGenerator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a service point is: a place with counters where an agency receives the public.
 *
 * <pre>{@code
 * ServicePointDefinition office = ServicePointDefinition.builder()
 *         .agency("SAFP")
 *         .name(LocalizedText.of("Recruitment Centre", "招聘中心", "Centro de Recrutamento"))
 *         .location(LocalizedText.of("Rua do Campo 1", "水坑尾街1號", "Rua do Campo 1"))
 *         .hours(hours)
 *         .counters("1", "2", "3")
 *         .closure(LocalDate.of(2026, 6, 1))
 *         .build();                                  // zone Asia/Macau unless set
 * }</pre>
 *
 * @param agency the agency that runs it
 * @param name its name
 * @param location its address
 * @param zone the zone its opening hours are in; {@code Asia/Macau} by default, never the JVM default
 * @param hours weekly opening hours, breaks taken out
 * @param closures extra closure days of this service point (public holidays come from the
 *     service's {@code HolidayCalendar})
 * @param counters the counter names, in display order; at least one
 */
public record ServicePointDefinition(String agency, LocalizedText name, LocalizedText location, ZoneId zone,
        WeeklyHours hours, SortedSet<LocalDate> closures, List<String> counters) {

    /** Maximum length of the agency code and counter names. */
    public static final int MAX_CODE_LENGTH = 100;

    /** Validates and copies. */
    public ServicePointDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(hours, "hours");
        if (agency == null || agency.isBlank()) {
            throw Texts.invalid("agency", "REQUIRED");
        }
        if (agency.length() > MAX_CODE_LENGTH) {
            throw Texts.invalid("agency", "TOO_LONG", MAX_CODE_LENGTH);
        }
        if (!hours.isOpenAnyDay()) {
            throw Texts.invalid("hours", "NO_OPENING_HOURS");
        }
        if (counters.isEmpty()) {
            throw Texts.invalid("counters", "REQUIRED");
        }
        for (String counter : counters) {
            if (counter == null || counter.isBlank()) {
                throw Texts.invalid("counters", "REQUIRED");
            }
            if (counter.length() > MAX_CODE_LENGTH) {
                throw Texts.invalid("counters", "TOO_LONG", MAX_CODE_LENGTH);
            }
        }
        closures = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(closures));
        counters = List.copyOf(counters);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param date a date in {@link #zone()}
     * @return whether the service point is closed that whole day by a closure of its own
     */
    public boolean isClosedOn(LocalDate date) {
        return closures.contains(date);
    }

    /** Configures a {@link ServicePointDefinition}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String agency;
        private @Nullable LocalizedText name;
        private @Nullable LocalizedText location;
        private ZoneId zone = ReferenceNumberGenerator.DEFAULT_ZONE;
        private @Nullable WeeklyHours hours;
        private final SortedSet<LocalDate> closures = new TreeSet<>();
        private final List<String> counters = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param agency the agency code (required)
         * @return this builder
         */
        public Builder agency(String agency) {
            this.agency = agency;
            return this;
        }

        /**
         * @param name the name (required)
         * @return this builder
         */
        public Builder name(LocalizedText name) {
            this.name = name;
            return this;
        }

        /**
         * @param location the address (required)
         * @return this builder
         */
        public Builder location(LocalizedText location) {
            this.location = location;
            return this;
        }

        /**
         * @param zone the zone of the opening hours (default {@code Asia/Macau})
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * @param hours the weekly opening hours (required)
         * @return this builder
         */
        public Builder hours(WeeklyHours hours) {
            this.hours = hours;
            return this;
        }

        /**
         * @param date a day the service point is closed
         * @return this builder
         */
        public Builder closure(LocalDate date) {
            closures.add(Objects.requireNonNull(date, "date"));
            return this;
        }

        /**
         * @param dates days the service point is closed
         * @return this builder
         */
        public Builder closures(Collection<LocalDate> dates) {
            dates.forEach(this::closure);
            return this;
        }

        /**
         * @param names the counters, in display order (at least one)
         * @return this builder
         */
        public Builder counters(String... names) {
            counters.addAll(List.of(names));
            return this;
        }

        /**
         * @return the definition
         * @throws io.gcam.core.ValidationException when a setting is missing or invalid
         */
        public ServicePointDefinition build() {
            if (name == null) {
                throw Texts.invalid("name", "REQUIRED");
            }
            if (location == null) {
                throw Texts.invalid("location", "REQUIRED");
            }
            if (hours == null) {
                throw Texts.invalid("hours", "NO_OPENING_HOURS");
            }
            return new ServicePointDefinition(agency == null ? "" : agency, name, location, zone, hours, closures,
                    counters);
        }
    }
}
