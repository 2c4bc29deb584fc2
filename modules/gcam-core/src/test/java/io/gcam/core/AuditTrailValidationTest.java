package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.spi.AuditStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Input checks that happen before the store is touched. Store behaviour is covered by the kit in gcam-testkit. */
class AuditTrailValidationTest {

    /** A store that must never be reached. */
    private static final AuditStore UNREACHABLE = new AuditStore() {
        @Override
        public AuditEntry append(Function<AuditHead, AuditEntry> nextEntry) {
            throw new AssertionError("store reached");
        }

        @Override
        public AuditHead head() {
            throw new AssertionError("store reached");
        }

        @Override
        public List<AuditEntry> entries(long fromIndex, int limit) {
            throw new AssertionError("store reached");
        }

        @Override
        public List<AuditEntry> entriesFor(String objectType, String objectId, long afterIndex, int limit) {
            throw new AssertionError("store reached");
        }
    };

    private static final Actor REVIEWER = Actor.staff("staff-1", "SAFP", "REVIEWER");

    private final AuditTrail trail = AuditTrail.builder()
            .store(UNREACHABLE)
            .clock(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC))
            .build();

    @Test
    void rejectsABlankAction() {
        assertThatThrownBy(() -> trail.append(REVIEWER, " ", "application", "APP-1", null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("action"));
    }

    @Test
    void rejectsAnObjectIdLongerThanTheMaximum() {
        String tooLong = "x".repeat(AuditTrail.MAX_ID_LENGTH + 1);

        assertThatThrownBy(() -> trail.append(REVIEWER, "application.approved", "application", tooLong, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("objectId"));
    }

    @Test
    void rejectsControlCharactersInAnObjectType() {
        assertThatThrownBy(() -> trail.append(REVIEWER, "application.approved", "appli\ncation", "APP-1", null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("objectType"));
    }

    @Test
    void rejectsDetailsThatCannotBeWrittenAsJson() {
        Object notSerializable = new Object();

        assertThatThrownBy(() -> trail.append(REVIEWER, "application.approved", "application", "APP-1", notSerializable))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("details"));
    }

    @Test
    void rejectsPageSizesOutsideTheAllowedRange() {
        assertThatThrownBy(() -> trail.entriesFor("application", "APP-1", 0, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> trail.entries(1, AuditTrail.MAX_PAGE_SIZE + 1)).isInstanceOf(ValidationException.class);
    }
}
