package io.gcam.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.DomainEvent;
import io.gcam.core.SynchronousEventPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingEventPublisherTest {

    private static DomainEvent event(String id, String type) {
        return DomainEvent.builder(type).id(id).occurredAt(Instant.EPOCH).aggregate("registration", "r-1").build();
    }

    @Test
    void keepsEventsInPublicationOrder() {
        RecordingEventPublisher events = new RecordingEventPublisher();
        events.publish(event("1", "registration.confirmed"));
        events.publish(event("2", "registration.cancelled"));
        events.publish(event("3", "registration.confirmed"));

        assertThat(events.events()).extracting(DomainEvent::id).containsExactly("1", "2", "3");
        assertThat(events.events("registration.confirmed")).extracting(DomainEvent::id).containsExactly("1", "3");
        assertThat(events.single("registration.cancelled").id()).isEqualTo("2");
    }

    @Test
    void singleFailsWithTheTypesThatWerePublished() {
        RecordingEventPublisher events = new RecordingEventPublisher();
        events.publish(event("1", "registration.confirmed"));
        events.publish(event("2", "registration.confirmed"));

        assertThatThrownBy(() -> events.single("registration.confirmed"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("found 2");
        assertThatThrownBy(() -> events.single("registration.cancelled"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("found 0")
                .hasMessageContaining("[registration.confirmed, registration.confirmed]");
    }

    @Test
    void clearForgetsEverything() {
        RecordingEventPublisher events = new RecordingEventPublisher();
        events.publish(event("1", "registration.confirmed"));
        events.clear();
        assertThat(events.events()).isEmpty();
    }

    @Test
    void forwardsToADelegateAfterRecording() {
        SynchronousEventPublisher listeners = SynchronousEventPublisher.create();
        List<String> seen = new ArrayList<>();
        listeners.subscribe(SynchronousEventPublisher.ALL_TYPES, e -> seen.add(e.id()));
        RecordingEventPublisher events = RecordingEventPublisher.forwardingTo(listeners);

        events.publish(event("1", "registration.confirmed"));

        assertThat(seen).containsExactly("1");
        assertThat(events.events()).hasSize(1);
    }
}
