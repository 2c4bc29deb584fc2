package io.gcam.testkit.memory;

import io.gcam.core.DomainEvent;
import io.gcam.core.spi.EventPublisher;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * An {@link EventPublisher} that keeps every published event for assertions, optionally passing
 * each one on to another publisher.
 *
 * <pre>{@code
 * RecordingEventPublisher events = new RecordingEventPublisher();
 * RegistrationService service = RegistrationService.builder().events(events)...build();
 * service.confirm(actor, registrationId);
 * assertThat(events.single("registration.confirmed").aggregateId()).isEqualTo(registrationId.value());
 * }</pre>
 *
 * <p>Thread-safe; events are kept in publication order.
 */
public final class RecordingEventPublisher implements EventPublisher {

    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private final @Nullable EventPublisher delegate;

    /** Creates a publisher that only records. */
    public RecordingEventPublisher() {
        this.delegate = null;
    }

    private RecordingEventPublisher(EventPublisher delegate) {
        this.delegate = delegate;
    }

    /**
     * @param delegate receives every event after it is recorded (for example a
     *     {@link io.gcam.core.SynchronousEventPublisher} with real listeners)
     * @return a publisher that records and forwards
     */
    public static RecordingEventPublisher forwardingTo(EventPublisher delegate) {
        return new RecordingEventPublisher(Objects.requireNonNull(delegate, "delegate"));
    }

    /** Records the event, then forwards it to the delegate if there is one. */
    @Override
    public void publish(DomainEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
        if (delegate != null) {
            delegate.publish(event);
        }
    }

    /** @return every event published so far, in order (a snapshot) */
    public List<DomainEvent> events() {
        return List.copyOf(events);
    }

    /**
     * @param type an event type
     * @return the events of that type, in order (a snapshot)
     */
    public List<DomainEvent> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /**
     * @param type an event type
     * @return the only event of that type
     * @throws AssertionError when there is none or more than one, listing the types that were published
     */
    public DomainEvent single(String type) {
        List<DomainEvent> matching = events(type);
        if (matching.size() != 1) {
            throw new AssertionError("expected exactly one " + type + " event but found " + matching.size()
                    + "; published types: " + events.stream().map(DomainEvent::type).toList());
        }
        return matching.get(0);
    }

    /** Forgets every recorded event. */
    public void clear() {
        events.clear();
    }
}
