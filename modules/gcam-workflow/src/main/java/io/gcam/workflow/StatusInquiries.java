package io.gcam.workflow;

import io.gcam.core.GcamException;
import io.gcam.workflow.internal.AccessCodes;
import io.gcam.workflow.spi.InquiryLimitStore;
import io.gcam.workflow.spi.InquirySecrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Status inquiry without login (kiosk, phone line, public web form): the reference number plus a
 * second factor — the access code issued at submission, or the applicant's date of birth when one
 * was given at submission — give the {@link PublicStatus}.
 *
 * <pre>{@code
 * StatusInquiries inquiries = StatusInquiries.builder()
 *         .workflow(workflow)
 *         .limits(JdbcInquiryLimitStore.create(pool))   // shared by every instance
 *         .clock(clock)
 *         .build();
 * PublicStatus byCode = inquiries.inquire("REC-2026-000042-78", "K7M2-PQX9-RTA4", request.remoteAddress());
 * PublicStatus byBirth = inquiries.inquireByDateOfBirth("REC-2026-000042-78", LocalDate.of(1990, 5, 17), kioskId);
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>A wrong reference number and a wrong factor give the same error,
 *       {@code WORKFLOW_INQUIRY_FAILED}, after the same work: the factor is always checked against a
 *       salted PBKDF2 hash (a dummy one for unknown references or applications without that
 *       factor) and compared in constant time.</li>
 *   <li>Enumeration is rate limited: at most {@link Builder#maxFailures(int)} failed inquiries per
 *       {@link Builder#window(Duration)} from one client key, and as many for one reference number;
 *       further inquiries fail with {@code WORKFLOW_INQUIRY_LIMITED} until the window has passed.
 *       A client key many people share (a kiosk in a public hall) can be given a limit of its own
 *       with {@link Builder#sharedClient(String, int)}; the per-reference limit applies to it too.
 *       An attempt is counted atomically <em>before</em> the factor is checked and given back when
 *       the inquiry succeeds, so concurrent guesses cannot overrun the limit. With
 *       {@link io.gcam.workflow.jdbc.JdbcInquiryLimitStore} the limit holds across every instance
 *       sharing the database; the default {@link InquiryLimitStore#inMemory()} holds per JVM only.</li>
 *   <li>Client keys and reference numbers are counted under their SHA-256 digest, never stored as
 *       typed.</li>
 *   <li>The answer never contains internal comments, actors or internal state names.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class StatusInquiries {

    private static final int MAX_REFERENCE_LENGTH = 100;

    private final WorkflowService workflow;
    private final InquiryLimitStore limits;
    private final Clock clock;
    private final int maxFailures;
    private final Map<String, Integer> sharedClients;
    private final Duration window;

    private StatusInquiries(Builder builder) {
        this.workflow = Objects.requireNonNull(builder.workflow, "workflow");
        this.limits = builder.limits;
        this.clock = builder.clock;
        this.maxFailures = builder.maxFailures;
        this.sharedClients = Map.copyOf(builder.sharedClients);
        this.window = builder.window;
    }

    /** @return a builder; the workflow service is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Inquires with the access code issued at submission.
     *
     * @param referenceNumber the reference number as typed (trimmed and upper-cased here)
     * @param accessCode the access code as typed (case, spaces and dashes are ignored)
     * @param clientKey who asks, for rate limiting: an IP address, a kiosk id or a phone line
     * @return the public status
     * @throws GcamException {@code WORKFLOW_INQUIRY_FAILED} when the reference and code do not
     *     match an application; {@code WORKFLOW_INQUIRY_LIMITED} when too many inquiries failed
     */
    public PublicStatus inquire(String referenceNumber, String accessCode, String clientKey) {
        return inquire(referenceNumber, accessCode == null ? "" : accessCode, InquirySecrets::accessCodeHash,
                clientKey);
    }

    /**
     * Inquires with the applicant's date of birth, for applications submitted with one (see
     * {@link WorkflowService#submit(io.gcam.core.Actor, String, String, String, LocalDate)}).
     *
     * @param referenceNumber the reference number as typed (trimmed and upper-cased here)
     * @param dateOfBirth the date of birth as given by the person asking
     * @param clientKey who asks, for rate limiting: an IP address, a kiosk id or a phone line
     * @return the public status
     * @throws GcamException {@code WORKFLOW_INQUIRY_FAILED} when the reference and date do not
     *     match an application submitted with a date of birth; {@code WORKFLOW_INQUIRY_LIMITED}
     *     when too many inquiries failed
     */
    public PublicStatus inquireByDateOfBirth(String referenceNumber, LocalDate dateOfBirth, String clientKey) {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        return inquire(referenceNumber, AccessCodes.dateOfBirthFactor(dateOfBirth), InquirySecrets::dateOfBirthHash,
                clientKey);
    }

    /**
     * Forgets rate-limit windows that have ended. Optional housekeeping (e.g. daily): ended windows
     * are reused or ignored anyway.
     *
     * @return how many windows were forgotten
     */
    public int purgeEndedWindows() {
        return limits.purgeStartedBefore(clock.instant().minus(window));
    }

    private PublicStatus inquire(String referenceNumber, String factor,
            Function<InquirySecrets, @Nullable String> secret, String clientKey) {
        Objects.requireNonNull(clientKey, "clientKey");
        String reference = referenceNumber == null ? "" : referenceNumber.strip().toUpperCase(Locale.ROOT);
        String clientLimit = digest("client:" + clientKey);
        String referenceLimit = digest("reference:" + reference);
        Instant now = clock.instant();
        if (!limits.tryAcquire(clientLimit, sharedClients.getOrDefault(clientKey, maxFailures), now, window)) {
            throw new GcamException(WorkflowErrorCode.WORKFLOW_INQUIRY_LIMITED);
        }
        if (!limits.tryAcquire(referenceLimit, maxFailures, now, window)) {
            limits.release(clientLimit);
            throw new GcamException(WorkflowErrorCode.WORKFLOW_INQUIRY_LIMITED);
        }
        Optional<Application> application = reference.isEmpty() || reference.length() > MAX_REFERENCE_LENGTH
                ? Optional.empty() : workflow.store().findByReference(reference);
        @Nullable String hash = application.map(a -> secret.apply(workflow.store().inquirySecrets(a.id())))
                .orElse(null);
        boolean ok = AccessCodes.matches(factor, hash);
        if (!ok || application.isEmpty()) {
            throw new GcamException(WorkflowErrorCode.WORKFLOW_INQUIRY_FAILED);
        }
        limits.release(clientLimit);
        limits.release(referenceLimit);
        return workflow.publicStatusOf(application.get());
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Configures {@link StatusInquiries}. */
    public static final class Builder {
        private @Nullable WorkflowService workflow;
        private InquiryLimitStore limits = InquiryLimitStore.inMemory();
        private Clock clock = Clock.systemUTC();
        private int maxFailures = 5;
        private final Map<String, Integer> sharedClients = new HashMap<>();
        private Duration window = Duration.ofMinutes(15);

        private Builder() {
        }

        /**
         * Required.
         *
         * @param service the workflow service whose applications are looked up
         * @return this builder
         */
        public Builder workflow(WorkflowService service) {
            this.workflow = Objects.requireNonNull(service, "service");
            return this;
        }

        /**
         * @param store where attempts are counted; default {@link InquiryLimitStore#inMemory()}
         *     (per JVM). Use {@link io.gcam.workflow.jdbc.JdbcInquiryLimitStore} when several
         *     instances serve inquiries.
         * @return this builder
         */
        public Builder limits(InquiryLimitStore store) {
            this.limits = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param source the clock for the rate limit windows; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock source) {
            this.clock = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param failures failures allowed per client key and per reference number within the
         *     window; default 5
         * @return this builder
         */
        public Builder maxFailures(int failures) {
            if (failures < 1) {
                throw new IllegalArgumentException("maxFailures must be 1 or more");
            }
            this.maxFailures = failures;
            return this;
        }

        /**
         * Gives a client key that many people use in turn, such as a kiosk in a public hall or a
         * counter's terminal, a limit of its own instead of {@link #maxFailures(int)}, so that a few
         * codes mistyped by earlier visitors do not lock the next visitor out. Every inquiry from it
         * still counts against the reference number's limit, which is what protects an access code.
         *
         * @param clientKey the key exactly as passed to the {@code inquire} methods (e.g. the kiosk's
         *     address)
         * @param failures failures allowed from that key within the window
         * @return this builder
         */
        public Builder sharedClient(String clientKey, int failures) {
            Objects.requireNonNull(clientKey, "clientKey");
            if (failures < 1) {
                throw new IllegalArgumentException("a shared client's failures must be 1 or more");
            }
            sharedClients.put(clientKey, failures);
            return this;
        }

        /**
         * @param length the rate limit window; default 15 minutes
         * @return this builder
         */
        public Builder window(Duration length) {
            Objects.requireNonNull(length, "length");
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("window must be positive");
            }
            this.window = length;
            return this;
        }

        /** @return the inquiry service */
        public StatusInquiries build() {
            return new StatusInquiries(this);
        }
    }
}
