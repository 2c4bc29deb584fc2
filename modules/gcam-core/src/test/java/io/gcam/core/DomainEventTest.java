package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainEventTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    record SessionId(String value) implements TypedId {
    }

    enum Channel { KIOSK }

    private DomainEvent.Builder confirmed() {
        return DomainEvent.builder("registration.confirmed")
                .id("0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b")
                .occurredAt(NOW)
                .aggregate("registration", "0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1c");
    }

    @Test
    void buildsAnEventWithAJsonLikePayload() {
        DomainEvent event = confirmed()
                .agency("SAFP")
                .payload("sessionId", new SessionId("s-1"))
                .payload("channel", Channel.KIOSK)
                .payload("seats", 2)
                .payload("fee", new BigDecimal("150.00"))
                .payload("examDate", LocalDate.of(2026, 4, 1))
                .payload("tags", List.of("a", "b"))
                .build();
        assertThat(event.type()).isEqualTo("registration.confirmed");
        assertThat(event.agency()).isEqualTo("SAFP");
        assertThat(event.payload()).containsExactly(
                Map.entry("sessionId", "s-1"),
                Map.entry("channel", "KIOSK"),
                Map.entry("seats", 2),
                Map.entry("fee", new BigDecimal("150.00")),
                Map.entry("examDate", LocalDate.of(2026, 4, 1)),
                Map.entry("tags", List.of("a", "b")));
    }

    @Test
    void copiesThePayloadDeeplyAndImmutably() {
        List<String> tags = new ArrayList<>(List.of("a"));
        Map<String, Object> nested = new HashMap<>(Map.of("tags", tags));
        DomainEvent event = confirmed().payload("nested", nested).build();
        tags.add("b");
        nested.put("other", "x");
        assertThat(event.payload().get("nested")).isEqualTo(Map.of("tags", List.of("a")));
        assertThatThrownBy(() -> event.payload().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsPayloadValuesOtherConsumersCouldNotStore() {
        assertThatThrownBy(() -> confirmed().payload("applicant", new Object()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload.applicant");
        assertThatThrownBy(() -> confirmed().payload("list", java.util.Arrays.asList("a", null)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload.list[1]");
        assertThatThrownBy(() -> confirmed().payload("ratio", Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnUndottedOrUpperCaseType() {
        for (String type : new String[] {"confirmed", "Registration.Confirmed", "registration.", ".confirmed"}) {
            assertThatThrownBy(() -> DomainEvent.builder(type).id("1").occurredAt(NOW).aggregate("r", "1").build())
                    .as(type).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void requiresIdTimeAndAggregate() {
        assertThatThrownBy(() -> DomainEvent.builder("registration.confirmed").occurredAt(NOW).aggregate("r", "1").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DomainEvent.builder("registration.confirmed").id("1").aggregate("r", "1").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> confirmed().aggregate("registration", " ").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsPayloadKeysButNeverValues() {
        DomainEvent event = confirmed().payload("email", "chan.tai.man@example.mo").build();
        assertThat(event.toString())
                .contains("registration.confirmed", "payloadKeys=[email]")
                .doesNotContain("chan.tai.man");
    }
}
