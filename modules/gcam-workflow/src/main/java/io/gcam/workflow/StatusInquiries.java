package io.gcam.workflow;

import io.gcam.core.GcamException;
import io.gcam.workflow.internal.AccessCodes;
import io.gcam.workflow.internal.AttemptLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Status inquiry without login (kiosk, phone line, public web form): the reference number plus the
 * access code issued at submission give the {@link PublicStatus}.
 *
 * <pre>{@code
 * StatusInquiries inquiries = StatusInquiries.builder().workflow(workflow).clock(clock).build();
 * PublicStatus status = inquiries.inquire("REC-2026-000042-78", "K7M2P-QX9RT", request.remoteAddress());
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>A wrong reference number and a wrong code give the same error,
 *       {@code WORKFLOW_INQUIRY_FAILED}, after the same work: the code is always checked against a
 *       salted PBKDF2 hash (a dummy one for unknown references) and compared in constant time.</li>
 *   <li>Enumeration is rate limited: after {@link Builder#maxFailures(int)} failures within
 *       {@link Builder#window(Duration)} from one client key, or for one reference number, further
 *       inquiries fail with {@code WORKFLOW_INQUIRY_LIMITED} until the window has passed.</li>
 *   <li>The answer never contains internal comments, actors or internal state names.</li>
 * </ul>
 *
 * <p>The limiter keeps its counters in this JVM: with several instances behind a load balancer
 * the effective limit is multiplied by the number of instances; put a shared limiter (the
 * gateway's) in front if that matters. Thread-safe.
 */
public final class StatusInquiries {

    private final WorkflowService workflow;
    private final AttemptLimiter byClient;
    private final AttemptLimiter byReference;

    private StatusInquiries(Builder builder) {
        this.workflow = Objects.requireNonNull(builder.workflow, "workflow");
        this.byClient = new AttemptLimiter(builder.clock, builder.maxFailures, builder.window);
        this.byReference = new AttemptLimiter(builder.clock, builder.maxFailures, builder.window);
    }

    /** @return a builder; the workflow service is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param referenceNumber the reference number as typed (trimmed and upper-cased here)
     * @param accessCode the access code as typed (case, spaces and dashes are ignored)
     * @param clientKey who asks, for rate limiting: an IP address, a kiosk id or a phone line
     * @return the public status
     * @throws GcamException {@code WORKFLOW_INQUIRY_FAILED} when the reference and code do not
     *     match an application; {@code WORKFLOW_INQUIRY_LIMITED} when too many inquiries failed
     */
    public PublicStatus inquire(String referenceNumber, String accessCode, String clientKey) {
        Objects.requireNonNull(clientKey, "clientKey");
        String reference = referenceNumber == null ? "" : referenceNumber.strip().toUpperCase(java.util.Locale.ROOT);
        String code = accessCode == null ? "" : accessCode;
        if (byClient.isBlocked(clientKey) || byReference.isBlocked(reference)) {
            throw new GcamException(WorkflowErrorCode.WORKFLOW_INQUIRY_LIMITED);
        }
        Optional<Application> application = reference.isEmpty() || reference.length() > 100
                ? Optional.empty() : workflow.store().findByReference(reference);
        @Nullable String hash = application.flatMap(a -> workflow.store().accessCodeHash(a.id())).orElse(null);
        boolean ok = AccessCodes.matches(code, hash);
        if (!ok || application.isEmpty()) {
            byClient.recordFailure(clientKey);
            byReference.recordFailure(reference);
            throw new GcamException(WorkflowErrorCode.WORKFLOW_INQUIRY_FAILED);
        }
        return workflow.publicStatusOf(application.get());
    }

    /** Configures {@link StatusInquiries}. */
    public static final class Builder {
        private @Nullable WorkflowService workflow;
        private Clock clock = Clock.systemUTC();
        private int maxFailures = 5;
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
         * @param length the rate limit window; default 15 minutes
         * @return this builder
         */
        public Builder window(Duration length) {
            this.window = Objects.requireNonNull(length, "length");
            return this;
        }

        /** @return the inquiry service */
        public StatusInquiries build() {
            return new StatusInquiries(this);
        }
    }
}
