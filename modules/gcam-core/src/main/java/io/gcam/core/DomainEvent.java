package io.gcam.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to an aggregate (an application, a booking, a document), announced to
 * other modules. Modules never share classes, so an event is a plain envelope that any module can
 * read: a stable {@code type} string and a JSON-like {@code payload}.
 *
 * <pre>{@code
 * DomainEvent event = DomainEvent.builder("registration.confirmed")
 *         .id(ids.next())
 *         .occurredAt(clock.instant())
 *         .aggregate("registration", registration.id().value())
 *         .agency("SAFP")
 *         .payload("sessionId", session.id())
 *         .build();
 * events.publish(event);
 * }</pre>
 *
 * <p>Payload values are restricted to what every consumer (and an outbox table) can store:
 * {@link String}, {@link Boolean}, {@link Integer}, {@link Long}, {@link BigInteger},
 * {@link BigDecimal}, finite {@link Double}, {@link Instant}, {@link LocalDate}, and lists and
 * string-keyed maps of those. For convenience a {@link TypedId} or {@link UUID} is stored as its
 * string value and an enum as its name. Prefer identifiers to personal data: payloads may be
 * persisted (outbox, audit trail) and read by other agencies' modules. {@link #toString()} never
 * shows payload values.
 *
 * @param id unique event id, e.g. from {@link IdGenerator}
 * @param type stable, dotted lower-case name: module, then what happened, e.g.
 *     {@code registration.confirmed}
 * @param occurredAt when it happened, from the service's clock
 * @param aggregateType the kind of object it happened to, e.g. {@code registration}
 * @param aggregateId that object's identifier
 * @param agency code of the agency responsible for the object, or {@code null} when none is
 * @param payload facts about the event; immutable, in insertion order
 */
public record DomainEvent(
        String id,
        String type,
        Instant occurredAt,
        String aggregateType,
        String aggregateId,
        @Nullable String agency,
        Map<String, Object> payload) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    /**
     * Validates the envelope and makes a deep immutable copy of the payload.
     *
     * @throws IllegalArgumentException when a field is blank, the type is not dotted lower case, or
     *     the payload holds a {@code null} or a value of an unsupported type
     */
    public DomainEvent {
        requireText(id, "id");
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "event type must be dotted lower case such as registration.confirmed: " + type);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        requireText(aggregateType, "aggregateType");
        requireText(aggregateId, "aggregateId");
        if (agency != null && agency.isBlank()) {
            throw new IllegalArgumentException("agency must be null or not blank");
        }
        payload = copyMap(payload, "payload");
    }

    /**
     * @param type the event type, e.g. {@code registration.confirmed}
     * @return a builder for an event of that type
     */
    public static Builder builder(String type) {
        return new Builder(type);
    }

    /** Shows the envelope and the payload keys, never payload values (which may be personal data). */
    @Override
    public String toString() {
        return "DomainEvent[id=" + id + ", type=" + type + ", occurredAt=" + occurredAt + ", aggregate="
                + aggregateType + "/" + aggregateId + (agency == null ? "" : ", agency=" + agency)
                + ", payloadKeys=" + payload.keySet() + "]";
    }

    private static void requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("DomainEvent needs a non-blank " + name);
        }
    }

    private static Map<String, Object> copyMap(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + " keys must be strings, got " + entry.getKey());
            }
            copy.put(key, copyValue(entry.getValue(), path + "." + key));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(@Nullable Object value, String path) {
        if (value == null) {
            throw new IllegalArgumentException(path + " is null; leave the entry out instead");
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger || value instanceof BigDecimal || value instanceof Instant
                || value instanceof LocalDate) {
            return value;
        }
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(path + " is not a finite number");
            }
            return d;
        }
        if (value instanceof TypedId typedId) {
            return typedId.value();
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, path);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            int i = 0;
            for (Object element : collection) {
                copy.add(copyValue(element, path + "[" + i++ + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + " has unsupported type " + value.getClass().getName()
                + "; use a string, number, boolean, Instant, LocalDate, list or map");
    }

    /** Builds a {@link DomainEvent}; {@code id}, {@code occurredAt} and the aggregate are required. */
    public static final class Builder {
        private final String type;
        private @Nullable String id;
        private @Nullable Instant occurredAt;
        private @Nullable String aggregateType;
        private @Nullable String aggregateId;
        private @Nullable String agency;
        private final Map<String, Object> payload = new LinkedHashMap<>();

        private Builder(String type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /**
         * @param id unique event id
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param occurredAt when the event happened
         * @return this builder
         */
        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /**
         * @param type the kind of object, e.g. {@code registration}
         * @param id the object's identifier
         * @return this builder
         */
        public Builder aggregate(String type, String id) {
            this.aggregateType = type;
            this.aggregateId = id;
            return this;
        }

        /**
         * @param type the kind of object, e.g. {@code registration}
         * @param id the object's typed identifier
         * @return this builder
         */
        public Builder aggregate(String type, TypedId id) {
            return aggregate(type, id.value());
        }

        /**
         * @param agency code of the responsible agency, or {@code null}
         * @return this builder
         */
        public Builder agency(@Nullable String agency) {
            this.agency = agency;
            return this;
        }

        /**
         * Adds one payload entry (replacing an earlier one with the same key).
         *
         * @param key the entry name
         * @param value a supported value (see {@link DomainEvent})
         * @return this builder
         */
        public Builder payload(String key, Object value) {
            payload.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * Adds every entry of {@code entries}.
         *
         * @param entries payload entries
         * @return this builder
         */
        public Builder payload(Map<String, ?> entries) {
            payload.putAll(entries);
            return this;
        }

        /**
         * @return the event
         * @throws IllegalArgumentException when a required field is missing or a value is invalid
         */
        public DomainEvent build() {
            if (id == null || occurredAt == null || aggregateType == null || aggregateId == null) {
                throw new IllegalArgumentException("DomainEvent " + type + " needs id, occurredAt and aggregate");
            }
            return new DomainEvent(id, type, occurredAt, aggregateType, aggregateId, agency, payload);
        }
    }
}
