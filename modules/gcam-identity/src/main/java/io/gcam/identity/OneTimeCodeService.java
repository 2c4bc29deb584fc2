package io.gcam.identity;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.DomainEvent;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.TransactionRunner;
import io.gcam.identity.internal.Pii;
import io.gcam.identity.spi.CodeSender;
import io.gcam.identity.spi.OneTimeCodeStore;
import io.gcam.identity.spi.StoredCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves control of an email address or phone number with a one-time code.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>codes are {@link Builder#codeLength(int) n} decimal digits from {@link SecureRandom};</li>
 *   <li>only a SHA-256 hash of the code with a random per-code salt is stored, never the code;</li>
 *   <li>a code is accepted at most once, only before its {@link Builder#ttl(Duration) TTL} ends, and
 *       only within {@link Builder#maxAttempts(int) maxAttempts} attempts: the attempts are counted
 *       by the store atomically <em>before</em> comparing, so parallel guesses cannot exceed the limit;
 *       after the last wrong attempt the code is locked ({@code CODE_LOCKED});</li>
 *   <li>a new code for the same destination is refused within the
 *       {@link Builder#resendInterval(Duration) resend interval} ({@code CODE_RESEND_TOO_SOON}),
 *       decided atomically by the store ({@link OneTimeCodeStore#tryRecordIssue}), so concurrent
 *       requests on any number of instances send at most one code per interval;</li>
 *   <li>the comparison takes the same time whatever the typed code is;</li>
 *   <li>every issue and every verification attempt, successful or not, is audited; log lines and
 *       audit details hold no code, no destination and no unmasked subject id.</li>
 * </ul>
 *
 * <p>A successful {@link #verify} returns a {@link VerifiedIdentity} of level
 * {@link AssuranceLevel#LOW} with the verified email or phone.
 */
public final class OneTimeCodeService {

    private static final Logger LOG = LoggerFactory.getLogger(OneTimeCodeService.class);
    private static final String HASH_PREFIX = "s256$";
    private static final String OBJECT_TYPE = "identity_code";
    private static final java.util.regex.Pattern CHALLENGE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final OneTimeCodeStore store;
    private final CodeSender sender;
    private final Clock clock;
    private final @Nullable AuditTrail audit;
    private final EventPublisher events;
    private final TransactionRunner transactions;
    private final Duration ttl;
    private final Duration resendInterval;
    private final Duration identityValidity;
    private final int maxAttempts;
    private final int codeLength;
    private final SecureRandom random;

    private OneTimeCodeService(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store");
        this.sender = Objects.requireNonNull(builder.sender, "sender");
        this.clock = builder.clock;
        this.audit = builder.audit;
        this.events = builder.events;
        this.transactions = builder.transactions;
        this.ttl = builder.ttl;
        this.resendInterval = builder.resendInterval;
        this.identityValidity = builder.identityValidity;
        this.maxAttempts = builder.maxAttempts;
        this.codeLength = builder.codeLength;
        this.random = builder.random;
    }

    /** @return a builder; {@code store} and {@code sender} are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Issues a code for {@code subjectId} and sends it to {@code destination}.
     *
     * @param actor who asks (the person, or the system process of a login page)
     * @param subjectId the person the code proves control for
     * @param channel email or SMS
     * @param destination the email address or E.164 phone number
     * @param locale the person's language, passed to the sender
     * @return the challenge to answer
     * @throws OneTimeCodeException {@code CODE_RESEND_TOO_SOON} when a code went to the same
     *     destination less than the resend interval ago; nothing is sent
     */
    public CodeChallenge issue(Actor actor, String subjectId, CodeChannel channel, String destination, Locale locale) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        String normalized = normalize(channel, destination);
        String destinationKey = destinationKey(channel, normalized);
        Instant now = clock.instant();
        String code = newCode();
        String challengeId = newChallengeId();
        Instant expiresAt = now.plus(ttl);
        StoredCode stored = new StoredCode(challengeId, subjectId, channel.name(), destinationKey,
                hash(code, newSalt()), now, expiresAt, 0, null);
        boolean recorded = transactions.inTransaction(() -> {
            // The store decides atomically: of concurrent issues to one destination, one is recorded.
            if (!store.tryRecordIssue(destinationKey, now, resendInterval)) {
                return false;
            }
            store.insert(stored);
            audit(actor, "identity.code.issued", challengeId, Map.of("channel", channel.name()));
            return true;
        });
        if (!recorded) {
            Instant next = store.lastIssuedAt(destinationKey).orElse(now).plus(resendInterval);
            long wait = Math.max(1, Duration.between(now, next).toSeconds());
            LOG.info("one-time code not re-sent to {}: resend interval", mask(channel, normalized));
            throw new OneTimeCodeException(IdentityErrorCode.CODE_RESEND_TOO_SOON, wait);
        }
        sender.send(channel, normalized, code, expiresAt, locale);
        LOG.debug("one-time code {} issued to {}", challengeId, mask(channel, normalized));
        return new CodeChallenge(challengeId, channel, mask(channel, normalized), expiresAt);
    }

    /**
     * Checks {@code code} against the challenge and, when it matches, returns the verification.
     *
     * @param actor who submits the code
     * @param challengeId the challenge from {@link #issue}
     * @param code the code typed
     * @param destination the destination the code was sent to (it becomes the verified attribute)
     * @return a LOW-level verified identity with the email or phone as attribute
     * @throws OneTimeCodeException {@code CODE_INCORRECT} (with attempts left) when wrong,
     *     {@code CODE_LOCKED} when the attempts are used up, {@code CODE_EXPIRED} when the code
     *     expired, was used or is unknown, or the destination is not the one it was sent to
     */
    public VerifiedIdentity verify(Actor actor, String challengeId, @Nullable String code, String destination) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(challengeId, "challengeId");
        Objects.requireNonNull(destination, "destination");
        Instant now = clock.instant();
        Outcome outcome = transactions.inTransaction(() -> {
            Outcome result = check(challengeId, code, destination, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("outcome", result.kind);
            if (result.stored != null) {
                details.put("channel", result.stored.channel());
            }
            audit(actor, result.identity != null ? "identity.code.verified" : "identity.code.rejected",
                    CHALLENGE_ID.matcher(challengeId).matches() ? challengeId : "malformed", details);
            if (result.identity != null) {
                events.publish(DomainEvent.builder("identity.verified")
                        .id(challengeId)
                        .occurredAt(now)
                        .aggregate("identity_subject", result.identity.subjectId())
                        .payload("method", result.identity.method().name())
                        .payload("level", result.identity.level().name())
                        .build());
            }
            return result;
        });
        if (outcome.identity != null) {
            LOG.info("one-time code {} verified", challengeId);
            return outcome.identity;
        }
        LOG.info("one-time code {} rejected: {}", CHALLENGE_ID.matcher(challengeId).matches() ? challengeId : "(malformed)",
                outcome.kind);
        switch (outcome.kind) {
            case "incorrect" -> throw new OneTimeCodeException(IdentityErrorCode.CODE_INCORRECT, outcome.attemptsLeft);
            case "locked" -> throw new OneTimeCodeException(IdentityErrorCode.CODE_LOCKED);
            default -> throw new OneTimeCodeException(IdentityErrorCode.CODE_EXPIRED);
        }
    }

    private Outcome check(String challengeId, @Nullable String code, String destination, Instant now) {
        if (!CHALLENGE_ID.matcher(challengeId).matches()) {
            return new Outcome("unknown", null, null, 0);
        }
        Optional<StoredCode> found = store.find(challengeId);
        if (found.isEmpty()) {
            return new Outcome("unknown", null, null, 0);
        }
        StoredCode stored = found.get();
        if (stored.usedAt() != null || !now.isBefore(stored.expiresAt())) {
            return new Outcome("expired", stored, null, 0);
        }
        if (!store.tryTakeAttempt(challengeId, maxAttempts, now)) {
            // Not counted: either locked (attempts used up) or it expired/was used just now.
            Optional<StoredCode> again = store.find(challengeId);
            boolean locked = again.isPresent() && again.get().usedAt() == null && again.get().attempts() >= maxAttempts;
            return new Outcome(locked ? "locked" : "expired", stored, null, 0);
        }
        CodeChannel channel = CodeChannel.valueOf(stored.channel());
        String normalized = normalize(channel, destination);
        boolean destinationMatches = MessageDigest.isEqual(
                destinationKey(channel, normalized).getBytes(StandardCharsets.US_ASCII),
                stored.destinationKey().getBytes(StandardCharsets.US_ASCII));
        boolean codeMatches = matches(stored.codeHash(), code == null ? "" : code.strip());
        if (codeMatches && destinationMatches && store.markUsed(challengeId, now)) {
            VerifiedAttributes.Builder attributes = VerifiedAttributes.builder();
            if (channel == CodeChannel.EMAIL) {
                attributes.email(normalized);
            } else {
                attributes.phone(normalized);
            }
            VerifiedIdentity identity = VerifiedIdentity.builder()
                    .subjectId(stored.subjectId())
                    .method(channel == CodeChannel.EMAIL ? VerificationMethod.EMAIL_CODE : VerificationMethod.SMS_CODE)
                    .level(AssuranceLevel.LOW)
                    .attributes(attributes.build())
                    .verifiedAt(now)
                    .expiresAt(now.plus(identityValidity))
                    .build();
            return new Outcome("verified", stored, identity, 0);
        }
        if (codeMatches && destinationMatches) {
            return new Outcome("expired", stored, null, 0); // used concurrently by another attempt
        }
        int taken = store.find(challengeId).map(StoredCode::attempts).orElse(maxAttempts);
        int left = Math.max(0, maxAttempts - taken);
        return new Outcome(left == 0 ? "locked" : "incorrect", stored, null, left);
    }

    private record Outcome(String kind, @Nullable StoredCode stored, @Nullable VerifiedIdentity identity,
            int attemptsLeft) {
    }

    private void audit(Actor actor, String action, String challengeId, Map<String, ?> details) {
        AuditTrail trail = audit;
        if (trail != null) {
            trail.append(actor, action, OBJECT_TYPE, challengeId, details);
        }
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(codeLength);
        for (int i = 0; i < codeLength; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    private String newChallengeId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private byte[] newSalt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return salt;
    }

    private static String hash(String code, byte[] salt) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return HASH_PREFIX + b64.encodeToString(salt) + "$" + b64.encodeToString(sha256(salt, code));
    }

    private static boolean matches(String stored, String code) {
        if (!stored.startsWith(HASH_PREFIX)) {
            return false;
        }
        String[] parts = stored.substring(HASH_PREFIX.length()).split("\\$");
        if (parts.length != 2) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[0]);
        byte[] expected = Base64.getDecoder().decode(parts[1]);
        return MessageDigest.isEqual(expected, sha256(salt, code));
    }

    private static byte[] sha256(byte[] salt, String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String normalize(CodeChannel channel, String destination) {
        String trimmed = destination.strip();
        return channel == CodeChannel.EMAIL ? trimmed.toLowerCase(Locale.ROOT) : trimmed.replaceAll("[\\s\\-()]", "");
    }

    private static String destinationKey(CodeChannel channel, String normalized) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(("gcam-identity-destination:" + channel + ":" + normalized)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String mask(CodeChannel channel, String normalized) {
        String masked = channel == CodeChannel.EMAIL ? Pii.maskEmail(normalized) : Pii.mask(normalized);
        return masked == null ? "***" : masked;
    }

    /**
     * Builds a {@link OneTimeCodeService}. Defaults: TTL 5 minutes, 5 attempts, resend interval 60
     * seconds, 6 digits, identities valid 1 hour, system UTC clock, no audit, events discarded, no
     * transaction (each store call on its own).
     */
    public static final class Builder {
        private @Nullable OneTimeCodeStore store;
        private @Nullable CodeSender sender;
        private Clock clock = Clock.systemUTC();
        private @Nullable AuditTrail audit;
        private EventPublisher events = event -> { };
        private TransactionRunner transactions = new TransactionRunner() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                return work.get();
            }
        };
        private Duration ttl = Duration.ofMinutes(5);
        private Duration resendInterval = Duration.ofSeconds(60);
        private Duration identityValidity = Duration.ofHours(1);
        private int maxAttempts = 5;
        private int codeLength = 6;
        private SecureRandom random = new SecureRandom();

        private Builder() {
        }

        /** @param value where codes are kept; @return this builder */
        public Builder store(OneTimeCodeStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** @param value how codes are delivered; @return this builder */
        public Builder sender(CodeSender value) {
            this.sender = Objects.requireNonNull(value, "sender");
            return this;
        }

        /** @param value the clock; @return this builder */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @param value the audit trail every attempt is appended to; @return this builder */
        public Builder audit(AuditTrail value) {
            this.audit = Objects.requireNonNull(value, "audit");
            return this;
        }

        /** @param value receives {@code identity.verified} events; @return this builder */
        public Builder events(EventPublisher value) {
            this.events = Objects.requireNonNull(value, "events");
            return this;
        }

        /** @param value runs store changes, audit and events in one transaction; @return this builder */
        public Builder transactions(TransactionRunner value) {
            this.transactions = Objects.requireNonNull(value, "transactions");
            return this;
        }

        /**
         * @param value how long a code is accepted, 30 seconds to 1 hour
         * @return this builder
         */
        public Builder ttl(Duration value) {
            if (value.compareTo(Duration.ofSeconds(30)) < 0 || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("ttl must be 30 s..1 h");
            }
            this.ttl = value;
            return this;
        }

        /**
         * @param value minimum time between two codes to one destination, zero or more
         * @return this builder
         */
        public Builder resendInterval(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("resendInterval must not be negative");
            }
            this.resendInterval = value;
            return this;
        }

        /**
         * @param value how long the resulting verified identity counts, at least one minute
         * @return this builder
         */
        public Builder identityValidity(Duration value) {
            if (value.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("identityValidity must be at least 1 minute");
            }
            this.identityValidity = value;
            return this;
        }

        /**
         * @param value attempts allowed per code, 1..10
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            if (value < 1 || value > 10) {
                throw new IllegalArgumentException("maxAttempts must be 1..10");
            }
            this.maxAttempts = value;
            return this;
        }

        /**
         * @param value digits per code, 6..10
         * @return this builder
         */
        public Builder codeLength(int value) {
            if (value < 6 || value > 10) {
                throw new IllegalArgumentException("codeLength must be 6..10");
            }
            this.codeLength = value;
            return this;
        }

        /** @param value the random source of codes, salts and challenge ids; @return this builder */
        public Builder random(SecureRandom value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * @return the service
         * @throws NullPointerException when {@code store} or {@code sender} is missing
         */
        public OneTimeCodeService build() {
            return new OneTimeCodeService(this);
        }
    }
}
