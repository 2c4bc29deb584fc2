package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypedIdTest {

    record ApplicationId(String value) implements TypedId {
        ApplicationId {
            value = TypedId.requireValid(value, "applicationId");
        }
    }

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00.123Z");

    @Test
    void createsVersion7IdsCarryingTheClockTime() {
        IdGenerator ids = IdGenerator.create(Clock.fixed(NOW, ZoneOffset.UTC));
        UUID uuid = ids.nextUuid();
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void createsTypedIdsInCanonicalForm() {
        ApplicationId id = IdGenerator.create(Clock.systemUTC()).next(ApplicationId::new);
        assertThat(id.value()).hasSize(36).matches("[0-9a-f-]+");
        assertThat(new ApplicationId(id.value())).isEqualTo(id);
    }

    @Test
    void idsOfOneGeneratorIncreaseEvenWithinOneMillisecondAndWhenTheClockGoesBack() {
        MutableClock clock = new MutableClock(NOW);
        IdGenerator ids = IdGenerator.create(clock, new SecureRandom());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // far more than the 12-bit counter holds in one millisecond
            created.add(ids.next());
        }
        clock.instant = NOW.minusSeconds(60);
        for (int i = 0; i < 100; i++) {
            created.add(ids.next());
        }
        assertThat(created).isSorted().doesNotHaveDuplicates();
        assertThat(created.stream().map(UUID::fromString).toList()).isSorted();
    }

    @Test
    void idsOfSeparateGeneratorsOnTheSameClockDoNotCollide() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Set<String> seen = new HashSet<>();
        for (int g = 0; g < 50; g++) {
            IdGenerator ids = IdGenerator.create(clock);
            for (int i = 0; i < 100; i++) {
                assertThat(seen.add(ids.next())).isTrue();
            }
        }
    }

    @Test
    void acceptsUpperCaseAndStoresLowerCase() {
        assertThat(new ApplicationId("0190A6B2-7C3D-7E4F-8A5B-6C7D8E9F0A1B").value())
                .isEqualTo("0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b");
        assertThat(TypedId.isValid("0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b")).isTrue();
    }

    @Test
    void rejectsMalformedIdsNamingTheField() {
        for (String bad : new String[] {"0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1", "0190a6b27c3d7e4f8a5b6c7d8e9f0a1b",
                "0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1g", " 0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b", "../etc/passwd"}) {
            assertThat(TypedId.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> new ApplicationId(bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("applicationId");
                            assertThat(v.message().in(Locale.ENGLISH)).startsWith("is not a valid identifier");
                            assertThat(v.message().in(Locale.forLanguageTag("pt-MO"))).startsWith("não é um identificador válido");
                        });
                    });
        }
    }

    @Test
    void rejectsAMissingIdAsRequired() {
        assertThatThrownBy(() -> TypedId.requireValid(null, "documentId"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).message())
                        .isEqualTo(LocalizedText.of("is required", "必須填寫", "é obrigatório")));
        assertThatThrownBy(() -> TypedId.requireValid("  ", "documentId")).isInstanceOf(ValidationException.class);
    }

    private static final class MutableClock extends Clock {
        Instant instant;

        MutableClock(Instant instant) {
            this.instant = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }
}
