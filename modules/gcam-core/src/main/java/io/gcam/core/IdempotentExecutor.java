package io.gcam.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gcam.core.spi.IdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * TEMPORARY stand-in for gcam-core's idempotent executor (same public API); drop at merge.
 *
 * <p>Runs an operation at most once per (actor, key): a repeat with the same request returns the
 * stored result; a repeat with a different request fails with {@code IDEMPOTENCY_KEY_REUSED}; a
 * repeat while the first is running fails with {@code IDEMPOTENCY_IN_FLIGHT}.
 */
public final class IdempotentExecutor {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration retention;

    private IdempotentExecutor(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store");
        this.clock = builder.clock;
        this.retention = builder.retention;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code operation} once for ({@code actor}, {@code key}) and {@code requestFingerprint}.
     *
     * @param actor who acts; keys are scoped to the actor
     * @param key the idempotency key
     * @param requestFingerprint fingerprint of the request
     * @param operation the operation; its result is stored and replayed
     * @return the operation's result, or the stored result of an earlier identical request
     */
    public String execute(Actor actor, String key, String requestFingerprint, Supplier<String> operation) {
        String scope = actor.kind() + ":" + actor.subjectId();
        Instant now = clock.instant();
        Optional<IdempotencyStore.Entry> existing =
                store.claim(scope, key, requestFingerprint, now, now.plus(retention));
        if (existing.isPresent()) {
            IdempotencyStore.Entry entry = existing.get();
            if (!entry.fingerprint().equals(requestFingerprint)) {
                throw new GcamException(CoreErrorCode.IDEMPOTENCY_KEY_REUSED);
            }
            String result = entry.result();
            if (result == null) {
                throw new GcamException(CoreErrorCode.IDEMPOTENCY_IN_FLIGHT);
            }
            return result;
        }
        String result;
        try {
            result = operation.get();
        } catch (RuntimeException | Error e) {
            store.release(scope, key);
            throw e;
        }
        store.complete(scope, key, result);
        return result;
    }

    /**
     * Typed variant: fingerprints {@code request} as JSON and stores the result as JSON.
     *
     * @param actor who acts
     * @param key the idempotency key
     * @param request the request, fingerprinted as JSON
     * @param resultType the result type
     * @param operation the operation
     * @param <T> the result type
     * @return the result
     */
    public <T> T execute(Actor actor, String key, Object request, Class<T> resultType, Supplier<T> operation) {
        String json = execute(actor, key, sha256(write(request)), () -> write(operation.get()));
        try {
            return JSON.readValue(json, resultType);
        } catch (JsonProcessingException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    private static String write(@Nullable Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds an {@link IdempotentExecutor}. */
    public static final class Builder {
        private @Nullable IdempotencyStore store;
        private Clock clock = Clock.systemUTC();
        private Duration retention = Duration.ofHours(24);

        private Builder() {
        }

        /**
         * @param store where keys and results are kept
         * @return this builder
         */
        public Builder store(IdempotencyStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param retention how long a key is remembered
         * @return this builder
         */
        public Builder retention(Duration retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /** @return the executor */
        public IdempotentExecutor build() {
            return new IdempotentExecutor(this);
        }
    }
}
