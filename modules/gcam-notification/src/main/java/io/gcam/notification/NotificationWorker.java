package io.gcam.notification;

import io.gcam.core.GcamException;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.TransactionRunner;
import io.gcam.notification.spi.DeliveryException;
import io.gcam.notification.spi.NotificationChannel;
import io.gcam.notification.spi.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the notifications of an {@link OutboxStore}: claims due ones, hands each to its
 * {@link NotificationChannel}, and records the outcome. Any number of workers, in one or many
 * application instances, may share one store: the store's claim hands each notification to one
 * worker at a time.
 *
 * <p>Guarantees: delivery is at least once (a notification whose worker died is claimed again
 * when its lease ends; the email Message-ID stays the same); a transient failure is retried by
 * the {@link RetryPolicy} and becomes {@code TECHNICAL_FAILURE} after the last attempt; a
 * permanent failure stops at once. Each recorded outcome publishes a domain event
 * {@code notification.delivered}, {@code notification.temporary_failure},
 * {@code notification.permanent_failure} or {@code notification.technical_failure}.
 *
 * <p>The lease must be longer than the slowest delivery a channel allows (for SMTP: connection
 * plus write plus read timeout), or a second worker may claim a notification that is still being
 * sent.
 */
public final class NotificationWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationWorker.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final OutboxStore store;
    private final Map<Channel, NotificationChannel> channels;
    private final Map<Channel, RateLimiter> rateLimits;
    private final Map<Channel, QuietHours> quietHours;
    private final Clock clock;
    private final EventPublisher events;
    private final @Nullable TransactionRunner transactions;
    private final RetryPolicy retry;
    private final int batchSize;
    private final Duration lease;
    private final Duration pollInterval;
    private final int threads;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> loops = new ArrayList<>();

    private NotificationWorker(Builder b) {
        this.store = Objects.requireNonNull(b.store, "store");
        this.channels = Map.copyOf(b.channels);
        Map<Channel, RateLimiter> limiters = new EnumMap<>(Channel.class);
        b.rateLimits.forEach((c, limit) -> limiters.put(c, new RateLimiter(limit)));
        this.rateLimits = limiters;
        this.quietHours = Map.copyOf(b.quietHours);
        this.clock = b.clock;
        this.events = b.events;
        this.transactions = b.transactions;
        this.retry = b.retry;
        this.batchSize = b.batchSize;
        this.lease = b.lease;
        this.pollInterval = b.pollInterval;
        this.threads = b.threads;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Claims one batch of due notifications and delivers it in the calling thread.
     *
     * @return how many notifications were claimed
     */
    public int runOnce() {
        Instant now = now();
        List<Notification> claimed = store.claim(now, now.plus(lease), batchSize);
        for (Notification n : claimed) {
            process(n);
        }
        return claimed.size();
    }

    /**
     * Runs {@link #runOnce()} in a loop until nothing is due. Meant for tests and command-line tools.
     *
     * @return how many claims were processed in all
     */
    public int drain() {
        int total = 0;
        for (int n = runOnce(); n > 0; n = runOnce()) {
            total += n;
        }
        return total;
    }

    /**
     * Starts the background threads: each claims and delivers batches, and sleeps for the poll
     * interval when nothing is due. Stop them with {@link #close()}.
     *
     * @return this worker
     */
    public NotificationWorker start() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("worker already started");
        }
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::loop, "gcam-notification-worker-" + i);
            t.setDaemon(true);
            loops.add(t);
            t.start();
        }
        return this;
    }

    /** Stops the background threads, waiting for the batch in hand to finish. */
    @Override
    public void close() {
        running.set(false);
        for (Thread t : loops) {
            t.interrupt();
        }
        for (Thread t : loops) {
            try {
                t.join(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        loops.clear();
    }

    private void loop() {
        while (running.get()) {
            int claimed;
            try {
                claimed = runOnce();
            } catch (RuntimeException e) {
                LOG.warn("notification worker could not claim work; trying again after the poll interval", e);
                claimed = 0;
            }
            if (claimed == 0) {
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException e) {
                    if (!running.get()) {
                        return;
                    }
                }
            }
        }
    }

    private void process(Notification n) {
        Instant now = now();
        QuietHours quiet = quietHours.get(n.channel());
        Optional<Instant> quietUntil = quiet == null ? Optional.empty() : quiet.endOfQuietPeriod(now);
        if (quietUntil.isPresent()) {
            store.release(n.id(), n.attempts(), quietUntil.get(), now);
            return;
        }
        RateLimiter limiter = rateLimits.get(n.channel());
        if (limiter != null) {
            Optional<Instant> wait = limiter.tryAcquire(now);
            if (wait.isPresent()) {
                store.release(n.id(), n.attempts(), wait.get(), now);
                return;
            }
        }
        NotificationChannel channel = channels.get(n.channel());
        try {
            if (channel == null) {
                throw new GcamException(NotificationErrorCode.CHANNEL_NOT_CONFIGURED, n.channel().name());
            }
            channel.deliver(n);
            finish(n, NotificationStatus.DELIVERED, now(), null);
        } catch (DeliveryException e) {
            if (e.isTransient()) {
                failTransiently(n, e.code() + ": " + e.detail());
            } else {
                LOG.info("notification {} refused permanently: {}", n.id(), e.detail());
                finish(n, NotificationStatus.PERMANENT_FAILURE, now(), e.code() + ": " + e.detail());
            }
        } catch (RuntimeException e) {
            String detail = e instanceof GcamException g ? g.code() : e.getClass().getSimpleName();
            LOG.warn("notification {} attempt {} failed unexpectedly", n.id(), n.attempts(), e);
            failTransiently(n, "DELIVERY_FAILED_TRANSIENT: " + detail);
        }
    }

    private void failTransiently(Notification n, String error) {
        if (n.attempts() >= retry.maxAttempts()) {
            LOG.warn("notification {} failed {} attempts; it needs a staff retry: {}", n.id(), n.attempts(), error);
            finish(n, NotificationStatus.TECHNICAL_FAILURE, now(), error);
        } else {
            Instant next = now().plus(retry.delayAfter(n.attempts(), ThreadLocalRandom.current()));
            LOG.debug("notification {} attempt {} failed; next attempt at {}: {}", n.id(), n.attempts(), next, error);
            finish(n, NotificationStatus.TEMPORARY_FAILURE, next, error);
        }
    }

    private void finish(Notification n, NotificationStatus status, Instant nextAttemptAt, @Nullable String error) {
        String trimmed = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        Instant now = now();
        Runnable work = () -> {
            if (store.complete(n.id(), n.attempts(), status, nextAttemptAt, trimmed, now)) {
                Notification changed = n.withStatus(status, n.attempts(), nextAttemptAt, trimmed, now);
                events.publish(NotificationService.event(
                        NotificationService.EVENT_PREFIX + status.name().toLowerCase(java.util.Locale.ROOT), changed));
            } else {
                LOG.warn("notification {} attempt {} outcome {} not recorded: its lease ended and it was claimed again",
                        n.id(), n.attempts(), status);
            }
        };
        try {
            if (transactions != null) {
                transactions.inTransaction(work);
            } else {
                work.run();
            }
        } catch (RuntimeException e) {
            // The claim stays SENDING and is taken again when its lease ends: at least once.
            LOG.warn("notification {} outcome {} could not be stored; it will be retried after its lease", n.id(),
                    status, e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * At most {@code permits} deliveries per {@code period} on a channel, counted in this worker.
     * With several workers, give each its share of the provider's limit.
     *
     * @param permits deliveries allowed per period, 1 or more
     * @param period the period
     */
    public record RateLimit(int permits, Duration period) {

        /** Checks the settings. */
        public RateLimit {
            Objects.requireNonNull(period, "period");
            if (permits < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs permits >= 1 and a positive period");
            }
        }
    }

    private static final class RateLimiter {
        private final RateLimit limit;
        private final java.util.ArrayDeque<Instant> recent = new java.util.ArrayDeque<>();

        RateLimiter(RateLimit limit) {
            this.limit = limit;
        }

        synchronized Optional<Instant> tryAcquire(Instant now) {
            Instant windowStart = now.minus(limit.period());
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
                recent.pollFirst();
            }
            if (recent.size() < limit.permits()) {
                recent.addLast(now);
                return Optional.empty();
            }
            return Optional.of(recent.peekFirst().plus(limit.period()));
        }
    }

    /** Builds a {@link NotificationWorker}. */
    public static final class Builder {
        private @Nullable OutboxStore store;
        private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);
        private final Map<Channel, RateLimit> rateLimits = new EnumMap<>(Channel.class);
        private final Map<Channel, QuietHours> quietHours = new EnumMap<>(Channel.class);
        private Clock clock = Clock.systemUTC();
        private EventPublisher events = event -> { };
        private @Nullable TransactionRunner transactions;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private int batchSize = 20;
        private Duration lease = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofSeconds(1);
        private int threads = 1;

        private Builder() {
        }

        /**
         * @param store the outbox
         * @return this builder
         */
        public Builder store(OutboxStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param channel a channel; one per {@link Channel}, the last one given wins
         * @return this builder
         */
        public Builder channel(NotificationChannel channel) {
            channels.put(channel.channel(), channel);
            return this;
        }

        /**
         * @param channel the channel
         * @param limit its rate limit in this worker
         * @return this builder
         */
        public Builder rateLimit(Channel channel, RateLimit limit) {
            rateLimits.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(limit, "limit"));
            return this;
        }

        /**
         * @param channel the channel (typically {@link Channel#SMS})
         * @param quiet when it must not send
         * @return this builder
         */
        public Builder quietHours(Channel channel, QuietHours quiet) {
            quietHours.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(quiet, "quiet"));
            return this;
        }

        /**
         * @param clock the clock; default: system UTC
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param events where status-change events go; default: nowhere
         * @return this builder
         */
        public Builder events(EventPublisher events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /**
         * @param transactions runs each outcome and its event in one transaction; default: none
         * @return this builder
         */
        public Builder transactions(TransactionRunner transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /**
         * @param retry the retry policy; default {@link RetryPolicy#DEFAULT}
         * @return this builder
         */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /**
         * @param batchSize notifications claimed at once, 1 to 1000; default 20
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException("batch size must be between 1 and 1000");
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * @param lease how long a claim is exclusive; longer than the slowest delivery; default 5 minutes
         * @return this builder
         */
        public Builder lease(Duration lease) {
            if (lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("lease must be positive");
            }
            this.lease = lease;
            return this;
        }

        /**
         * @param pollInterval sleep when nothing is due; default 1 second
         * @return this builder
         */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval.isNegative()) {
                throw new IllegalArgumentException("poll interval must not be negative");
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * @param threads background threads started by {@link NotificationWorker#start()}; default 1
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be 1 or more");
            }
            this.threads = threads;
            return this;
        }

        /** @return the worker */
        public NotificationWorker build() {
            return new NotificationWorker(this);
        }
    }
}
