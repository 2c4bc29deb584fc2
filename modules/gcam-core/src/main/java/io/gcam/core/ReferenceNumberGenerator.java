package io.gcam.core;

import io.gcam.core.spi.SequenceStore;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Issues reference numbers such as {@code REC-2026-000042-78}: a {@link ReferenceNumberFormat}
 * filled with the current date from the injected {@link Clock} and a running number from a
 * {@link SequenceStore}.
 *
 * <pre>{@code
 * ReferenceNumberGenerator applications = ReferenceNumberGenerator.builder()
 *         .name("application")
 *         .format("REC-[cy:yyyy]-[SEQ:6]-[CHK]")
 *         .store(JdbcSequenceStore.create(dataSource))
 *         .clock(clock)
 *         .build();
 * ReferenceNumber number = applications.next();      // REC-2026-000001-07
 * boolean ok = applications.isValid(typedByCitizen);  // shape, real date and check digits
 * }</pre>
 *
 * <h2>Series: when numbering restarts</h2>
 * The running number is taken from the series {@code <name>/<date part>/<date part>...}: the
 * generator's name followed by each rendered {@code [cy:...]} part, in format order. So
 * {@code [cy:yyyy]} restarts numbering at 1 every year ({@code application/2025},
 * {@code application/2026}), {@code [cy:yyyyMM]} every month, and a format without date parts
 * counts for ever ({@code application}). The name, not the pattern, identifies the counter:
 * changing the literal text or the {@code [SEQ:n]} width of a format keeps counting where it left
 * off, and two generators must have different names unless they are meant to share one counter.
 * Dates are taken in the configured zone (default {@link #DEFAULT_ZONE}), never the JVM default, so
 * the year turns at local midnight.
 *
 * <h2>Guarantees</h2>
 * Numbers are unique and never reused as long as the store keeps its guarantees
 * ({@link SequenceStore}): the running number grows past the {@code [SEQ:n]} width instead of
 * wrapping. Numbers may have gaps (see the store's transaction behaviour). Instances are immutable
 * and thread-safe.
 */
public final class ReferenceNumberGenerator {

    /** The zone dates are taken in unless {@link Builder#zone(ZoneId)} says otherwise. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Macau");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final String name;
    private final ReferenceNumberFormat format;
    private final SequenceStore store;
    private final Clock clock;
    private final ZoneId zone;

    private ReferenceNumberGenerator(String name, ReferenceNumberFormat format, SequenceStore store, Clock clock,
            ZoneId zone) {
        this.name = name;
        this.format = format;
        this.store = store;
        this.clock = clock;
        this.zone = zone;
    }

    /** @return a builder; name, format and store are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Issues the next number: today's date parts and the next running number of today's series.
     *
     * @return the new reference number
     * @throws GcamException {@code STORAGE_FAILURE} when the store fails; no number was issued
     */
    public ReferenceNumber next() {
        ZonedDateTime now = clock.instant().atZone(zone);
        List<String> dateParts = format.dateParts(now);
        String series = series(dateParts);
        long sequence = store.next(series);
        if (sequence < 1) {
            throw new IllegalStateException("sequence store " + store.getClass().getName() + " returned " + sequence
                    + " for series " + series + "; a SequenceStore starts at 1");
        }
        return new ReferenceNumber(format.render(dateParts, sequence), series, dateParts, sequence);
    }

    /**
     * Reads a number back into its parts, checking it as {@link #isValid(String)} does. Whether such
     * a number was ever issued is not checked (look it up where it is used).
     *
     * @param candidate the text, compared as is (trim or upper-case user input first if wanted)
     * @return the number with its series, date parts and running number
     * @throws InvalidReferenceNumberException {@code INVALID_REFERENCE_NUMBER} when the text does not
     *     match the format, has an impossible date, or has wrong check characters
     */
    public ReferenceNumber parse(String candidate) {
        ReferenceNumberFormat.Parts parts = format.read(candidate);
        return new ReferenceNumber(candidate, series(parts.dateParts()), parts.dateParts(), parts.sequence());
    }

    /**
     * Whether {@code candidate} has the shape of this generator's numbers, real date parts and
     * correct check characters. It does not say whether the number was issued.
     *
     * @param candidate the text, compared as is
     * @return whether it could be one of this generator's numbers
     */
    public boolean isValid(String candidate) {
        return format.isValid(candidate);
    }

    /** @return the name that, with the date parts, names the series */
    public String name() {
        return name;
    }

    /** @return the format numbers are rendered in */
    public ReferenceNumberFormat format() {
        return format;
    }

    /** @return the zone dates are taken in */
    public ZoneId zone() {
        return zone;
    }

    private String series(List<String> dateParts) {
        if (dateParts.isEmpty()) {
            return name;
        }
        return name + "/" + String.join("/", dateParts);
    }

    /** Configures a {@link ReferenceNumberGenerator}. Not thread-safe; build once and share the result. */
    public static final class Builder {

        private @Nullable String name;
        private @Nullable String format;
        private @Nullable CheckAlgorithm checkAlgorithm;
        private @Nullable SequenceStore store;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = DEFAULT_ZONE;

        private Builder() {
        }

        /**
         * Required. Names the counter (see the class description): 1 to 100 ASCII letters, digits,
         * {@code .}, {@code _} or {@code -}, starting with a letter or digit, e.g. {@code application}.
         *
         * @param name the generator's name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Required. The pattern, see {@link ReferenceNumberFormat}, e.g.
         * {@code REC-[cy:yyyy]-[SEQ:6]-[CHK]}.
         *
         * @param pattern the pattern
         * @return this builder
         */
        public Builder format(String pattern) {
            this.format = Objects.requireNonNull(pattern, "pattern");
            return this;
        }

        /**
         * The check character system of the format's {@code [CHK]} token. Default
         * {@link CheckAlgorithm#MOD_97_10}; setting it for a format without {@code [CHK]} is an error.
         *
         * @param checkAlgorithm the system
         * @return this builder
         */
        public Builder checkAlgorithm(CheckAlgorithm checkAlgorithm) {
            this.checkAlgorithm = Objects.requireNonNull(checkAlgorithm, "checkAlgorithm");
            return this;
        }

        /**
         * Required. Where the running numbers come from, e.g. {@code JdbcSequenceStore.create(dataSource)}.
         *
         * @param store the sequence store
         * @return this builder
         */
        public Builder store(SequenceStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The clock the date parts are read from. Default {@link Clock#systemUTC()} (only its instant
         * is used; the zone comes from {@link #zone(ZoneId)}).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The zone in which the date parts are rendered and the year, month or day turns. Default
         * {@link ReferenceNumberGenerator#DEFAULT_ZONE} ({@code Asia/Macau}).
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * @return the generator
         * @throws GcamException {@code CONFIGURATION_INVALID} when a required setting is missing, the
         *     name or pattern is invalid, or the series names would be too long for a
         *     {@link SequenceStore}
         */
        public ReferenceNumberGenerator build() {
            if (name == null) {
                throw invalid("a reference number generator needs a name(...)");
            }
            if (!NAME.matcher(name).matches()) {
                throw invalid("reference number generator name '" + name + "' must be 1 to 100 ASCII letters, digits,"
                        + " '.', '_' or '-', starting with a letter or digit");
            }
            if (format == null) {
                throw invalid("reference number generator '" + name + "' needs a format(...)");
            }
            if (store == null) {
                throw invalid("reference number generator '" + name + "' needs a store(...) (a SequenceStore)");
            }
            ReferenceNumberFormat parsed = checkAlgorithm == null
                    ? ReferenceNumberFormat.of(format)
                    : ReferenceNumberFormat.of(format, checkAlgorithm);
            int seriesLength = name.length() + parsed.datePartCount() + parsed.datePartsLength();
            if (seriesLength > SequenceStore.MAX_SERIES_LENGTH) {
                throw invalid("reference number generator '" + name + "' would use series names of " + seriesLength
                        + " characters; shorten the name or the date parts to at most "
                        + SequenceStore.MAX_SERIES_LENGTH + " characters in all");
            }
            return new ReferenceNumberGenerator(name, parsed, store, clock, zone);
        }

        private static GcamException invalid(String problem) {
            return new GcamException(CoreErrorCode.CONFIGURATION_INVALID, problem);
        }
    }
}
