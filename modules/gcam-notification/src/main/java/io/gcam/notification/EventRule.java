package io.gcam.notification;

import io.gcam.core.DomainEvent;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps a domain event type of another module to a notification: which template, to whom, with
 * which values. The mapper may return empty to skip an event.
 *
 * <pre>{@code
 * EventRule rule = EventRule.on("registration.confirmed", event -> Optional.of(
 *         NotificationRequest.builder("registration-confirmed")
 *                 .toSubject((String) event.payload().get("applicant"))
 *                 .value("exam", (String) event.payload().get("examName"))
 *                 .reference(event.aggregateId())
 *                 .build()));
 * }</pre>
 *
 * @param eventType the dotted event type, e.g. {@code registration.confirmed}
 * @param mapper turns a matching event into a request, or empty to skip it
 */
public record EventRule(String eventType, Function<DomainEvent, Optional<NotificationRequest>> mapper) {

    /** Checks the components are present. */
    public EventRule {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * @param eventType the event type
     * @param mapper the mapping
     * @return the rule
     */
    public static EventRule on(String eventType, Function<DomainEvent, Optional<NotificationRequest>> mapper) {
        return new EventRule(eventType, mapper);
    }

    /**
     * @param event a matching event
     * @return the request, or empty
     */
    public Optional<NotificationRequest> toRequest(DomainEvent event) {
        return mapper.apply(event);
    }
}
