package io.gcam.core;

import io.gcam.core.spi.EventPublisher;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link EventPublisher}: calls the listeners registered for an event's type, one
 * after the other, on the publishing thread, before {@link #publish(DomainEvent)} returns.
 *
 * <pre>{@code
 * SynchronousEventPublisher events = SynchronousEventPublisher.create();
 * events.subscribe("registration.confirmed", outbox::enqueue, OnFailure.PROPAGATE);
 * events.subscribe(SynchronousEventPublisher.ALL_TYPES, statistics::count);
 * RegistrationService service = RegistrationService.builder().events(events)...build();
 * }</pre>
 *
 * <p><b>Transactions.</b> Listeners run inside the caller's transaction: GCAM services publish
 * from within {@link io.gcam.core.spi.TransactionRunner#inTransaction}, and a listener that writes
 * through the same runner or through GCAM's JDBC stores joins that transaction. Its writes commit
 * with the change that raised the event, or roll back with it.
 *
 * <p><b>Failures.</b> Listeners run in registration order. A listener registered with
 * {@link OnFailure#LOG_AND_CONTINUE} (the default) that throws is logged (listener, event id and
 * type; never the payload) and the remaining listeners still run. A listener registered with
 * {@link OnFailure#PROPAGATE} that throws stops delivery and its exception reaches the publisher's
 * caller, which rolls the transaction back: use it for listeners whose work must not be lost, such
 * as an outbox writer. Register every listener that writes to the database in the caller's
 * transaction with {@code PROPAGATE}: on PostgreSQL a failed statement leaves the whole transaction
 * unable to commit anyway.
 *
 * <p>A listener may publish further events; they are delivered before the outer
 * {@code publish} call continues. Thread-safe; listeners may be added and removed at any time.
 */
public final class SynchronousEventPublisher implements EventPublisher {

    /** Subscribes a listener to every event type. */
    public static final String ALL_TYPES = "*";

    private static final Logger LOG = LoggerFactory.getLogger(SynchronousEventPublisher.class);

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    private SynchronousEventPublisher() {
    }

    /** @return a publisher with no listeners */
    public static SynchronousEventPublisher create() {
        return new SynchronousEventPublisher();
    }

    /**
     * Registers a listener whose failures are logged and do not stop the other listeners.
     *
     * @param type the event type to receive, or {@link #ALL_TYPES}
     * @param listener the listener
     * @return a handle that removes the listener when closed
     */
    public Subscription subscribe(String type, DomainEventListener listener) {
        return subscribe(type, listener, OnFailure.LOG_AND_CONTINUE);
    }

    /**
     * Registers a listener.
     *
     * @param type the event type to receive, or {@link #ALL_TYPES}
     * @param listener the listener
     * @param onFailure what a failure of this listener does
     * @return a handle that removes the listener when closed
     */
    public Subscription subscribe(String type, DomainEventListener listener, OnFailure onFailure) {
        Registration registration = new Registration(
                Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(onFailure, "onFailure"));
        registrations.add(registration);
        return () -> registrations.remove(registration);
    }

    /**
     * Calls every listener registered for the event's type (and for {@link #ALL_TYPES}), in
     * registration order.
     *
     * @param event the event
     * @throws RuntimeException the exception of the first failing {@link OnFailure#PROPAGATE}
     *     listener, unchanged
     */
    @Override
    public void publish(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        for (Registration registration : registrations) {
            if (!registration.type.equals(ALL_TYPES) && !registration.type.equals(event.type())) {
                continue;
            }
            try {
                registration.listener.onEvent(event);
            } catch (RuntimeException e) {
                if (registration.onFailure == OnFailure.PROPAGATE) {
                    throw e;
                }
                LOG.error("Domain event listener {} failed for event {} of type {}; the other listeners still run",
                        registration.listener.getClass().getName(), event.id(), event.type(), e);
            }
        }
    }

    /** What a listener's exception does. */
    public enum OnFailure {
        /** Log it (without the payload) and go on with the other listeners. */
        LOG_AND_CONTINUE,
        /** Stop delivery and rethrow it to the publisher's caller, rolling its transaction back. */
        PROPAGATE
    }

    /** A registered listener; closing it unsubscribes the listener. Closing twice is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        /** Removes the listener; events published afterwards no longer reach it. */
        @Override
        void close();
    }

    /** Compared by identity, so that two subscriptions of the same listener are removed separately. */
    private static final class Registration {
        final String type;
        final DomainEventListener listener;
        final OnFailure onFailure;

        Registration(String type, DomainEventListener listener, OnFailure onFailure) {
            this.type = type;
            this.listener = listener;
            this.onFailure = onFailure;
        }
    }
}
