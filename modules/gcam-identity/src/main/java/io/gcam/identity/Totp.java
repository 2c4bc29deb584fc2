package io.gcam.identity;

import io.gcam.identity.internal.Pii;
import io.gcam.identity.spi.UsedTimeStepStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time-based one-time passwords (RFC 6238) for a staff member's second factor.
 *
 * <p>Guarantees: a password is accepted only for a time step within {@link Builder#window(int)}
 * steps of now (allowed clock drift); each time step is accepted at most once per subject, and no
 * step earlier than one already accepted (replay protection, through {@link UsedTimeStepStore});
 * the comparison takes the same time whatever the typed password is. Every rejection is the same
 * {@code OTP_REJECTED}.
 *
 * <pre>{@code
 * Totp totp = Totp.builder().usedSteps(store).clock(clock).build();
 * long step = totp.verify("staff-17", secret, "287082");
 * }</pre>
 */
public final class Totp {

    private static final Logger LOG = LoggerFactory.getLogger(Totp.class);

    private final OtpAlgorithm algorithm;
    private final int digits;
    private final Duration period;
    private final int window;
    private final Clock clock;
    private final UsedTimeStepStore usedSteps;

    private Totp(Builder builder) {
        this.algorithm = builder.algorithm;
        this.digits = builder.digits;
        this.period = builder.period;
        this.window = builder.window;
        this.clock = builder.clock;
        this.usedSteps = Objects.requireNonNull(builder.usedSteps, "usedSteps");
    }

    /** @return a builder; {@code usedSteps} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The time step of {@code epochSeconds}: {@code floor(epochSeconds / period)} (T0 = 0).
     *
     * @param epochSeconds seconds since the Unix epoch
     * @return the step
     */
    public long stepAt(long epochSeconds) {
        return Math.floorDiv(epochSeconds, period.toSeconds());
    }

    /**
     * The password for the time step containing {@code epochSeconds}.
     *
     * @param secret the shared secret
     * @param epochSeconds seconds since the Unix epoch
     * @return the password, {@code digits} digits
     */
    public String generate(byte[] secret, long epochSeconds) {
        return Hotp.generate(algorithm, secret, stepAt(epochSeconds), digits);
    }

    /**
     * Accepts {@code code} if it is the password of a time step within the window around now that
     * was not used before by {@code subjectId}, and records that step as used.
     *
     * @param subjectId the staff member
     * @param secret their shared secret
     * @param code the password typed
     * @return the time step that matched
     * @throws OtpRejectedException {@code OTP_REJECTED} when no step in the window matches, or the
     *     matching step (or a later one) was already used
     */
    public long verify(String subjectId, byte[] secret, @Nullable String code) {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(secret, "secret");
        byte[] typed = (code == null ? "" : code.strip()).getBytes(StandardCharsets.US_ASCII);
        long now = stepAt(clock.instant().getEpochSecond());
        long matched = Long.MIN_VALUE;
        // Check every step of the window, without stopping early, so timing does not tell which matched.
        for (long step = now - window; step <= now + window; step++) {
            byte[] expected = Hotp.generate(algorithm, secret, step, digits).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, typed) && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        if (matched == Long.MIN_VALUE) {
            LOG.info("TOTP rejected for subject {}: no match in window", Pii.mask(subjectId));
            throw new OtpRejectedException();
        }
        if (!usedSteps.markUsed(subjectId, matched)) {
            LOG.warn("TOTP rejected for subject {}: time step already used (replay)", Pii.mask(subjectId));
            throw new OtpRejectedException();
        }
        return matched;
    }

    /** Builds a {@link Totp}. Defaults: SHA-1, 6 digits, 30-second period, window 1, system UTC clock. */
    public static final class Builder {
        private OtpAlgorithm algorithm = OtpAlgorithm.SHA1;
        private int digits = 6;
        private Duration period = Duration.ofSeconds(30);
        private int window = 1;
        private Clock clock = Clock.systemUTC();
        private @Nullable UsedTimeStepStore usedSteps;

        private Builder() {
        }

        /** @param value the HMAC function; @return this builder */
        public Builder algorithm(OtpAlgorithm value) {
            this.algorithm = Objects.requireNonNull(value, "algorithm");
            return this;
        }

        /**
         * @param value number of digits, 6..8
         * @return this builder
         */
        public Builder digits(int value) {
            if (value < 6 || value > 8) {
                throw new IllegalArgumentException("digits must be 6..8");
            }
            this.digits = value;
            return this;
        }

        /**
         * @param value length of a time step, whole seconds, at least one second
         * @return this builder
         */
        public Builder period(Duration value) {
            if (value.toSeconds() < 1 || value.toNanos() % 1_000_000_000L != 0) {
                throw new IllegalArgumentException("period must be whole seconds, at least 1");
            }
            this.period = value;
            return this;
        }

        /**
         * @param value steps accepted before and after the current one (clock drift), 0..10
         * @return this builder
         */
        public Builder window(int value) {
            if (value < 0 || value > 10) {
                throw new IllegalArgumentException("window must be 0..10");
            }
            this.window = value;
            return this;
        }

        /** @param value the clock; @return this builder */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @param value where used time steps are remembered; @return this builder */
        public Builder usedSteps(UsedTimeStepStore value) {
            this.usedSteps = Objects.requireNonNull(value, "usedSteps");
            return this;
        }

        /**
         * @return the TOTP verifier
         * @throws NullPointerException when {@code usedSteps} was not set
         */
        public Totp build() {
            return new Totp(this);
        }
    }
}
