package io.gcam.appointment;

import io.gcam.appointment.internal.Texts;
import io.gcam.core.LocalizedText;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A service that can be booked at a service point, e.g. "document verification".
 *
 * <pre>{@code
 * BookableServiceDefinition verification = BookableServiceDefinition.builder()
 *         .servicePoint(office.id())
 *         .code("DOC-VERIFY")
 *         .name(LocalizedText.of("Document verification", "文件核對", "Verificação de documentos"))
 *         .slotLength(Duration.ofMinutes(15))
 *         .capacityPerSlot(2)                       // two counters serve it
 *         .minimumNotice(Duration.ofHours(2))
 *         .maximumDaysAhead(60)
 *         .ticketPrefix("A")
 *         .build();
 * }</pre>
 *
 * @param servicePointId where it is offered
 * @param code a short code unique at the service point, e.g. {@code DOC-VERIFY}
 * @param name its name
 * @param slotLength how long one appointment lasts; slots are laid back to back from each opening
 *     period's start
 * @param capacityPerSlot how many appointments one slot takes (usually the counters serving it)
 * @param minimumNotice how long before its start a slot can still be booked by an applicant
 * @param maximumDaysAhead how many days ahead (after today, in the service point's zone) can be booked
 * @param ticketPrefix the walk-in ticket prefix: one to three capital letters, e.g. {@code A} for A001
 */
public record BookableServiceDefinition(ServicePointId servicePointId, String code, LocalizedText name,
        Duration slotLength, int capacityPerSlot, Duration minimumNotice, int maximumDaysAhead, String ticketPrefix) {

    private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,3}");

    /** Validates every setting. */
    public BookableServiceDefinition {
        Objects.requireNonNull(servicePointId, "servicePointId");
        Objects.requireNonNull(name, "name");
        if (code == null || code.isBlank()) {
            throw Texts.invalid("code", "REQUIRED");
        }
        if (code.length() > 100) {
            throw Texts.invalid("code", "TOO_LONG", 100);
        }
        if (slotLength == null || slotLength.toMinutes() < 1 || slotLength.toMinutes() > 24 * 60) {
            throw Texts.invalid("slotLength", "POSITIVE_REQUIRED", 1);
        }
        if (capacityPerSlot < 1) {
            throw Texts.invalid("capacityPerSlot", "POSITIVE_REQUIRED", 1);
        }
        if (minimumNotice == null || minimumNotice.isNegative()) {
            throw Texts.invalid("minimumNotice", "POSITIVE_REQUIRED", 0);
        }
        if (maximumDaysAhead < 0) {
            throw Texts.invalid("maximumDaysAhead", "POSITIVE_REQUIRED", 0);
        }
        if (ticketPrefix == null || !PREFIX.matcher(ticketPrefix).matches()) {
            throw Texts.invalid("ticketPrefix", "PREFIX_INVALID");
        }
    }

    /** @return a builder; slot 15 minutes, capacity 1, notice 0, 30 days ahead, prefix {@code A} */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link BookableServiceDefinition}. Not thread-safe. */
    public static final class Builder {
        private @Nullable ServicePointId servicePointId;
        private @Nullable String code;
        private @Nullable LocalizedText name;
        private Duration slotLength = Duration.ofMinutes(15);
        private int capacityPerSlot = 1;
        private Duration minimumNotice = Duration.ZERO;
        private int maximumDaysAhead = 30;
        private String ticketPrefix = "A";

        private Builder() {
        }

        /**
         * @param id the service point (required)
         * @return this builder
         */
        public Builder servicePoint(ServicePointId id) {
            this.servicePointId = id;
            return this;
        }

        /**
         * @param code the short code (required)
         * @return this builder
         */
        public Builder code(String code) {
            this.code = code;
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
         * @param length how long one appointment lasts (1 minute to 24 hours; default 15 minutes)
         * @return this builder
         */
        public Builder slotLength(Duration length) {
            this.slotLength = length;
            return this;
        }

        /**
         * @param capacity appointments per slot (default 1)
         * @return this builder
         */
        public Builder capacityPerSlot(int capacity) {
            this.capacityPerSlot = capacity;
            return this;
        }

        /**
         * @param notice the minimum notice for applicants (default none)
         * @return this builder
         */
        public Builder minimumNotice(Duration notice) {
            this.minimumNotice = notice;
            return this;
        }

        /**
         * @param days how many days ahead can be booked (default 30)
         * @return this builder
         */
        public Builder maximumDaysAhead(int days) {
            this.maximumDaysAhead = days;
            return this;
        }

        /**
         * @param prefix walk-in ticket prefix (default {@code A})
         * @return this builder
         */
        public Builder ticketPrefix(String prefix) {
            this.ticketPrefix = prefix;
            return this;
        }

        /**
         * @return the definition
         * @throws io.gcam.core.ValidationException when a setting is missing or invalid
         */
        public BookableServiceDefinition build() {
            if (servicePointId == null) {
                throw Texts.invalid("servicePointId", "REQUIRED");
            }
            if (name == null) {
                throw Texts.invalid("name", "REQUIRED");
            }
            return new BookableServiceDefinition(servicePointId, code == null ? "" : code, name, slotLength,
                    capacityPerSlot, minimumNotice, maximumDaysAhead, ticketPrefix);
        }
    }
}
