package io.gcam.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.spi.IdempotencyRecord;
import io.gcam.core.spi.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation at most once per actor and idempotency key, and replays its result to repeats,
 * with the semantics of the IETF {@code Idempotency-Key} HTTP header draft (as used by Stripe).
 *
 * <pre>{@code
 * IdempotentExecutor idempotent = IdempotentExecutor.builder()
 *         .store(new JdbcIdempotencyStore(dataSource))
 *         .clock(clock)
 *         .build();
 * Receipt receipt = idempotent.execute(applicant, idempotencyKey, request, Receipt.class,
 *         () -> registrations.register(applicant, request));
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>The first request with a key runs the operation and stores its result. A repeat with the same
 *       request (same fingerprint) returns the stored result without running the operation.</li>
 *   <li>The same key with a different request fails with {@code IDEMPOTENCY_KEY_REUSED}; a repeat while
 *       the first is still running fails with {@code IDEMPOTENCY_IN_FLIGHT} (retry later). Of many
 *       concurrent first requests, exactly one runs the operation.</li>
 *   <li>Keys are scoped to the actor's kind and subject id: one actor can neither collide with nor see
 *       another's results.</li>
 *   <li>If the operation throws, the key is released (the client may retry with it) and the exception
 *       propagates unchanged.</li>
 *   <li>A key expires {@code retention} after its first use (default 24 hours); after that it may be
 *       used again, for any request. {@link #purgeExpired()} deletes expired records.</li>
 * </ul>
 *
 * <h2>Crash recovery and the lock timeout</h2>
 * While the operation runs its key is locked for {@code lockTimeout} (default 5 minutes). If the
 * process dies before the result is stored, the key stays in flight until the lock times out; then the
 * next request with the key takes it over and runs the operation again. Choose a lock timeout longer
 * than the slowest operation: an operation still running when its lock times out may run twice, and
 * its late result is then discarded (a warning is logged).
 *
 * <h2>Transactions</h2>
 * With {@link io.gcam.core.jdbc.JdbcIdempotencyStore} over a transaction-aware data source, calling
 * {@code execute} <em>inside</em> the business transaction stores the key, the change and the result
 * atomically: a crash can never leave a half-done key, and a concurrent repeat waits for the first to
 * commit, then gets its result. Calling it <em>outside</em> a transaction (the usual place in a REST
 * layer, with the operation opening its own transaction) makes a running key visible at once, so
 * repeats fail fast with {@code IDEMPOTENCY_IN_FLIGHT}, at the price of the crash window above.
 *
 * <p>Keys must be 1 to {@value #MAX_KEY_LENGTH} printable ASCII characters, not all blank
 * ({@code VALIDATION_FAILED} otherwise). Instances are immutable and thread-safe.
 */
public final class IdempotentExecutor {

    /** Maximum length of an idempotency key. */
    public static final int MAX_KEY_LENGTH = 255;

    /** Default time a key is remembered: 24 hours. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

    /** Default time after which an unfinished execution is presumed dead: 5 minutes. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentExecutor.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration retention;
    private final Duration lockTimeout;
    private final ObjectMapper objectMapper;

    private IdempotentExecutor(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store");
        this.clock = builder.clock;
        this.retention = builder.retention;
        this.lockTimeout = builder.lockTimeout;
        this.objectMapper = builder.objectMapper != null ? builder.objectMapper : CanonicalJson.defaultMapper();
        if (lockTimeout.compareTo(retention) > 0) {
            throw new IllegalArgumentException("lockTimeout (" + lockTimeout + ") must not exceed retention ("
                    + retention + ")");
        }
    }

    /**
     * @return a builder; {@code store} is required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Raw form: fingerprint computed by the caller, result stored as a String.
     *
     * @param actor the actor making the request; keys are scoped to its kind and subject id
     * @param key the client's idempotency key
     * @param requestFingerprint identifies the request (for example method, path and a hash of the
     *     body); equal requests must give equal fingerprints. Only its SHA-256 is stored, so any length
     *     is fine
     * @param operation the work to run at most once; its result is stored and replayed (a
     *     {@code null} result is replayed as {@code null})
     * @return the operation's result, or the stored result of the first request with this key
     * @throws ValidationException when the key is not 1 to {@value #MAX_KEY_LENGTH} printable ASCII
     *     characters, not all blank
     * @throws GcamException {@code IDEMPOTENCY_KEY_REUSED} when the key was used with a different
     *     fingerprint; {@code IDEMPOTENCY_IN_FLIGHT} when the first request is still running;
     *     {@code STORAGE_FAILURE} when the store fails
     */
    public String execute(Actor actor, String key, String requestFingerprint, Supplier<String> operation) {
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        Objects.requireNonNull(operation, "operation");
        String scope = scopeOf(actor);
        checkKey(key);
        return run(scope, key, CanonicalJson.sha256Hex(requestFingerprint), operation,
                result -> result, stored -> stored);
    }

    /**
     * Typed form: fingerprint = SHA-256 of the canonical JSON of request; result serialized with
     * Jackson.
     *
     * @param actor the actor making the request; keys are scoped to its kind and subject id
     * @param key the client's idempotency key
     * @param request the request; equal requests (as JSON, whatever the order of map keys) have equal
     *     fingerprints
     * @param resultType the result's class, to read a stored result back
     * @param operation the work to run at most once
     * @param <T> the result type
     * @return the operation's result, or the stored result of the first request with this key, read
     *     back from JSON
     * @throws ValidationException when the key is invalid or the request cannot be written as JSON
     * @throws GcamException {@code IDEMPOTENCY_KEY_REUSED} when the key was used with a different
     *     request; {@code IDEMPOTENCY_IN_FLIGHT} when the first request is still running;
     *     {@code CONFIGURATION_INVALID} when the result cannot be written as JSON or a stored result
     *     cannot be read as {@code resultType}; {@code STORAGE_FAILURE} when the store fails
     */
    public <T> T execute(Actor actor, String key, Object request, Class<T> resultType, Supplier<T> operation) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(operation, "operation");
        String scope = scopeOf(actor);
        checkKey(key);
        String fingerprint;
        try {
            fingerprint = CanonicalJson.sha256Hex(CanonicalJson.write(objectMapper, request));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("request", LocalizedText.of(
                    "cannot be written as JSON",
                    "無法轉換為 JSON",
                    "não pode ser escrito em JSON"));
        }
        return run(scope, key, fingerprint, operation, result -> toJson(result), stored -> fromJson(stored, resultType));
    }

    /**
     * Deletes the records of expired keys. Run it regularly (for example hourly) from a scheduler;
     * expired keys are treated as unused even before they are purged.
     *
     * @return how many records were deleted
     */
    public int purgeExpired() {
        return store.purgeExpired(now());
    }

    private <T> T run(String scope, String key, String fingerprint, Supplier<T> operation,
            Function<T, @Nullable String> encode, Function<String, T> decode) {
        Instant now = now();
        String owner = UUID.randomUUID().toString();
        IdempotencyRecord candidate = new IdempotencyRecord(scope, key, fingerprint,
                IdempotencyRecord.Status.IN_FLIGHT, null, owner, now, now.plus(lockTimeout), now.plus(retention));
        Optional<IdempotencyRecord> existing = store.claim(candidate, now);
        if (existing.isPresent()) {
            return replay(existing.get(), fingerprint, decode);
        }
        T result;
        try {
            result = operation.get();
        } catch (Throwable failure) {
            releaseAfterFailure(scope, key, owner, failure);
            throw failure;
        }
        String encoded;
        try {
            encoded = result == null ? null : encode.apply(result);
        } catch (RuntimeException failure) {
            releaseAfterFailure(scope, key, owner, failure);
            throw failure;
        }
        if (!store.complete(scope, key, owner, encoded)) {
            LOG.warn("idempotent operation finished after its key was taken over or expired; its result "
                    + "was not stored (lock timeout {} may be shorter than the operation)", lockTimeout);
        }
        return result;
    }

    private static <T> T replay(IdempotencyRecord record, String fingerprint, Function<String, T> decode) {
        if (!record.fingerprint().equals(fingerprint)) {
            throw new GcamException(CoreErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        if (record.status() == IdempotencyRecord.Status.IN_FLIGHT) {
            throw new GcamException(CoreErrorCode.IDEMPOTENCY_IN_FLIGHT);
        }
        String stored = record.result();
        return stored == null ? null : decode.apply(stored);
    }

    private void releaseAfterFailure(String scope, String key, String owner, Throwable failure) {
        try {
            store.release(scope, key, owner);
        } catch (RuntimeException releaseFailure) {
            failure.addSuppressed(releaseFailure);
        }
    }

    private String toJson(Object result) {
        try {
            return objectMapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    "the result type " + result.getClass().getName() + " cannot be written as JSON");
        }
    }

    private <T> T fromJson(String stored, Class<T> resultType) {
        try {
            return objectMapper.readValue(stored, resultType);
        } catch (JsonProcessingException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    "a stored idempotent result cannot be read as " + resultType.getName());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String scopeOf(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        TextChecks.requireText("actor.subjectId", actor.subjectId(), AuditTrail.MAX_ID_LENGTH);
        return actor.kind().name() + ":" + actor.subjectId();
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        TextChecks.requirePrintableAscii("idempotencyKey", key, MAX_KEY_LENGTH);
    }

    /** Configures an {@link IdempotentExecutor}. */
    public static final class Builder {

        private @Nullable IdempotencyStore store;
        private Clock clock = Clock.systemUTC();
        private Duration retention = DEFAULT_RETENTION;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private @Nullable ObjectMapper objectMapper;

        private Builder() {
        }

        /**
         * @param store where keys and results are kept (required)
         * @return this builder
         */
        public Builder store(IdempotencyStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param clock the source of time for expiry and lock timeouts (default: {@link Clock#systemUTC()})
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param retention how long a key is remembered after its first use, positive; default
         *     {@link #DEFAULT_RETENTION}
         * @return this builder
         */
        public Builder retention(Duration retention) {
            this.retention = positive(retention, "retention");
            return this;
        }

        /**
         * @param lockTimeout how long a running execution holds its key before another request may take
         *     it over, positive and not longer than the retention; default {@link #DEFAULT_LOCK_TIMEOUT}
         * @return this builder
         */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = positive(lockTimeout, "lockTimeout");
            return this;
        }

        /**
         * @param objectMapper writes requests and results as JSON for the typed form; by default a
         *     mapper that writes {@code java.time} values as ISO-8601 strings
         * @return this builder
         */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
            return this;
        }

        /**
         * @return the configured executor
         * @throws NullPointerException when the store is missing
         * @throws IllegalArgumentException when the lock timeout exceeds the retention
         */
        public IdempotentExecutor build() {
            return new IdempotentExecutor(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
