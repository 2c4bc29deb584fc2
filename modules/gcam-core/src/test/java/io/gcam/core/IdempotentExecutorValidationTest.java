package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.spi.IdempotencyRecord;
import io.gcam.core.spi.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input checks that happen before the store is touched. Store behaviour is covered by the kit in gcam-testkit. */
class IdempotentExecutorValidationTest {

    /** A store that must never be reached. */
    private static final IdempotencyStore UNREACHABLE = new IdempotencyStore() {
        @Override
        public Optional<IdempotencyRecord> claim(IdempotencyRecord candidate, Instant now) {
            throw new AssertionError("store reached");
        }

        @Override
        public boolean complete(String scope, String key, String owner, @Nullable String result) {
            throw new AssertionError("store reached");
        }

        @Override
        public boolean release(String scope, String key, String owner) {
            throw new AssertionError("store reached");
        }

        @Override
        public Optional<IdempotencyRecord> find(String scope, String key) {
            throw new AssertionError("store reached");
        }

        @Override
        public int purgeExpired(Instant now) {
            throw new AssertionError("store reached");
        }
    };

    private final IdempotentExecutor executor = IdempotentExecutor.builder()
            .store(UNREACHABLE)
            .clock(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC))
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "key\twith-tab", "clé", "line\nbreak", "\u007f"})
    void rejectsKeysThatAreBlankOrNotPrintableAscii(String key) {
        assertThatThrownBy(() -> executor.execute(Actor.applicant("u-1"), key, "fp", () -> "never"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.violations()).extracting(ValidationException.Violation::field)
                            .containsExactly("idempotencyKey");
                });
    }

    @Test
    void rejectsKeysLongerThanTheMaximum() {
        String tooLong = "k".repeat(IdempotentExecutor.MAX_KEY_LENGTH + 1);

        assertThatThrownBy(() -> executor.execute(Actor.applicant("u-1"), tooLong, "fp", () -> "never"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 255");
    }

    @Test
    void explainsAnInvalidKeyInTheThreeLanguages() {
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> executor.execute(Actor.applicant("u-1"), " ", "fp", () -> "never"));

        assertThat(e.localizedMessage(GcamLocales.TRADITIONAL_CHINESE)).contains("不可為空白");
        assertThat(e.localizedMessage(GcamLocales.PORTUGUESE)).contains("não pode estar em branco");
    }

    @Test
    void rejectsALockTimeoutLongerThanTheRetention() {
        IdempotentExecutor.Builder builder = IdempotentExecutor.builder()
                .store(UNREACHABLE)
                .clock(Clock.systemUTC())
                .retention(Duration.ofMinutes(1))
                .lockTimeout(Duration.ofMinutes(2));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsANonPositiveRetention() {
        assertThatThrownBy(() -> IdempotentExecutor.builder().retention(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
