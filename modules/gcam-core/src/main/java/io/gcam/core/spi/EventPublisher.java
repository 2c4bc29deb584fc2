package io.gcam.core.spi;

import io.gcam.core.DomainEvent;

/**
 * Announces domain events to the rest of the application. GCAM services call
 * {@link #publish(DomainEvent)} inside the transaction that made the change.
 *
 * <p>Guarantees an implementation must give:
 * <ul>
 *   <li>{@code publish} returns only after the event has been handed to every consumer that must
 *       see it inside the caller's transaction (for example an outbox writer), so that a
 *       rolled-back change notifies no one and a committed change is never silently dropped.</li>
 *   <li>An implementation that delivers later or elsewhere (a message broker) persists the event in
 *       the caller's transaction first (transactional outbox); it never sends before commit.</li>
 *   <li>Payload values are never logged.</li>
 * </ul>
 *
 * <p>The default is {@link io.gcam.core.SynchronousEventPublisher}, which calls in-process
 * listeners on the publishing thread. Tests use {@code RecordingEventPublisher} from gcam-testkit.
 */
@FunctionalInterface
public interface EventPublisher {

    /**
     * Publishes one event.
     *
     * @param event the event
     */
    void publish(DomainEvent event);
}
