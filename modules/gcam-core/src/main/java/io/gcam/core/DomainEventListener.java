package io.gcam.core;

/**
 * Reacts to a {@link DomainEvent}. Registered with
 * {@link SynchronousEventPublisher#subscribe(String, DomainEventListener)}.
 *
 * <p>A listener runs on the publishing thread, inside the publisher's transaction. A listener
 * that writes through GCAM's JDBC stores or a {@link io.gcam.core.spi.TransactionRunner} joins that
 * transaction, so its writes commit or roll back with the change that raised the event.
 */
@FunctionalInterface
public interface DomainEventListener {

    /**
     * Handles one event.
     *
     * @param event the event; never {@code null}
     */
    void onEvent(DomainEvent event);
}
