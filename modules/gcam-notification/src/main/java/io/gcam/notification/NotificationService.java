package io.gcam.notification;

import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.DomainEvent;
import io.gcam.core.DomainEventListener;
import io.gcam.core.GcamException;
import io.gcam.core.GcamLocales;
import io.gcam.core.IdGenerator;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.TransactionRunner;
import io.gcam.notification.spi.InboxStore;
import io.gcam.notification.spi.OutboxStore;
import io.gcam.notification.spi.RecipientDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts send requests into the transactional outbox, answers status queries, lets staff
 * preview templates and retry failed notifications, and serves the applicant's in-app inbox.
 * Delivery itself is done by a {@link NotificationWorker}.
 *
 * <pre>{@code
 * NotificationService notifications = NotificationService.builder()
 *         .store(JdbcOutboxStore.create(tx.dataSource()))
 *         .templates(templates)
 *         .recipients(directory)
 *         .transactions(tx)
 *         .events(events)
 *         .build();
 * }</pre>
 *
 * <p>Who may do what: staff and system actors send (staff only for their own agency); staff see,
 * preview and retry their agency's notifications; an applicant sees only notifications and inbox
 * messages addressed to their own subject id.
 */
public final class NotificationService {

    /** Event type published when a send request is stored. */
    public static final String EVENT_CREATED = "notification.created";
    /** Event type prefix of status changes: {@code notification.delivered}, ... */
    public static final String EVENT_PREFIX = "notification.";
    /** Role staff need to preview templates and retry notifications. */
    public static final String ROLE_NOTIFICATION_ADMIN = "notification-admin";
    /** Largest number of notifications returned for one reference. */
    public static final int MAX_BY_REFERENCE = 200;

    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    private final OutboxStore store;
    private final NotificationTemplates templates;
    private final RecipientDirectory recipients;
    private final TransactionRunner transactions;
    private final EventPublisher events;
    private final @Nullable AuditTrail audit;
    private final @Nullable InboxStore inbox;
    private final Clock clock;
    private final IdGenerator ids;

    private NotificationService(Builder b) {
        this.store = Objects.requireNonNull(b.store, "store");
        this.templates = Objects.requireNonNull(b.templates, "templates");
        this.recipients = b.recipients;
        this.transactions = Objects.requireNonNull(b.transactions, "transactions");
        this.events = b.events;
        this.audit = b.audit;
        this.inbox = b.inbox;
        this.clock = b.clock;
        this.ids = IdGenerator.create(clock);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Renders the template and stores the notification in the outbox, in the caller's transaction
     * when there is one (through the {@link TransactionRunner}): if that transaction rolls back,
     * nothing is ever sent. Publishes {@value #EVENT_CREATED} in the same transaction.
     *
     * @param actor a system actor, or staff of the request's agency
     * @param request the request
     * @return the stored notification, status {@code CREATED}
     * @throws GcamException {@code TEMPLATE_NOT_FOUND}, {@code PLACEHOLDER_VALUE_MISSING},
     *     {@code HEADER_LINE_BREAK}, {@code INVALID_EMAIL_ADDRESS}, {@code INVALID_PHONE_NUMBER},
     *     {@code RECIPIENT_ADDRESS_MISSING}, {@code ACCESS_DENIED}
     */
    public Notification send(Actor actor, NotificationRequest request) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(request, "request");
        String agency = request.agency();
        if (!(actor.isSystem() || (agency != null && actor.isStaffOf(agency)))) {
            throw new AccessDeniedException("send notifications for this agency");
        }
        Notification notification = prepare(request);
        return transactions.inTransaction(() -> {
            store.insert(notification);
            if (audit != null) {
                audit.append(actor, "notification.created", "notification", notification.id(),
                        Map.of("template", notification.templateId(), "version", notification.templateVersion(),
                                "channel", notification.channel().name()));
            }
            events.publish(event(EVENT_CREATED, notification));
            LOG.debug("notification {} stored for template {} v{}", notification.id(), notification.templateId(),
                    notification.templateVersion());
            return notification;
        });
    }

    private Notification prepare(NotificationRequest request) {
        NotificationTemplate template = templates.latest(request.templateId());
        String subjectId = request.subjectId();
        Recipient known = subjectId == null ? null : recipients.find(subjectId).orElse(null);
        Channel channel = request.channel() != null ? request.channel()
                : known != null && known.preferredChannel() != null ? known.preferredChannel()
                : request.phone() != null && request.email() == null ? Channel.SMS : Channel.EMAIL;
        Locale locale = request.locale() != null ? GcamLocales.resolve(request.locale())
                : known != null ? known.locale() : GcamLocales.ENGLISH;
        String address = switch (channel) {
            case EMAIL -> request.email() != null ? Addresses.requireEmail(request.email())
                    : known != null ? known.email() : null;
            case SMS -> request.phone() != null ? Addresses.requireE164(request.phone())
                    : known != null ? known.phone() : null;
            case IN_APP -> subjectId;
        };
        if (address == null) {
            throw new GcamException(NotificationErrorCode.RECIPIENT_ADDRESS_MISSING, channel.name());
        }
        RenderedMessage rendered = template.render(channel, locale, request.values());
        Instant now = now();
        return new Notification(ids.next(), request.reference(), request.agency(), subjectId, template.id(),
                template.version(), channel, rendered.locale(), address, rendered.subject(), rendered.text(),
                rendered.html(), request.attachments(), NotificationStatus.CREATED, 0, now, null, now, now);
    }

    /**
     * Renders a template with sample values without storing or sending anything.
     *
     * @param actor staff with the role {@value #ROLE_NOTIFICATION_ADMIN} of any agency, or a system actor
     * @param templateId the template (latest version)
     * @param channel the channel
     * @param locale the language
     * @param values placeholder values
     * @return the rendered message
     */
    public RenderedMessage preview(Actor actor, String templateId, Channel channel, Locale locale,
            Map<String, String> values) {
        if (!(actor.isSystem() || (actor.isStaff() && actor.hasRole(ROLE_NOTIFICATION_ADMIN)))) {
            throw new AccessDeniedException("preview notification templates");
        }
        return templates.latest(templateId).render(channel, locale, values);
    }

    /**
     * @param actor staff of the sending agency, the recipient (applicant), or a system actor
     * @param id the notification id
     * @return the notification
     * @throws GcamException {@code NOTIFICATION_NOT_FOUND} also when the actor may not see it
     */
    public Notification get(Actor actor, String id) {
        Notification n = store.find(id).orElse(null);
        if (n == null || !visible(actor, n)) {
            throw new GcamException(NotificationErrorCode.NOTIFICATION_NOT_FOUND, id);
        }
        return n;
    }

    /**
     * @param actor the actor; only notifications it may see are returned
     * @param reference the caller's reference
     * @return the notifications with that reference, oldest first
     */
    public List<Notification> findByReference(Actor actor, String reference) {
        Objects.requireNonNull(reference, "reference");
        return store.findByReference(reference, MAX_BY_REFERENCE).stream().filter(n -> visible(actor, n)).toList();
    }

    /**
     * Sends a failed notification again: back to {@code CREATED} with a fresh set of attempts.
     *
     * @param actor staff of the sending agency with the role {@value #ROLE_NOTIFICATION_ADMIN}, or
     *     a system actor
     * @param id the notification id
     * @return the requeued notification
     * @throws GcamException {@code NOTIFICATION_NOT_FOUND}, {@code NOTIFICATION_NOT_RETRYABLE}
     */
    public Notification retry(Actor actor, String id) {
        return transactions.inTransaction(() -> {
            Notification n = store.find(id).orElse(null);
            if (n == null || !(actor.isSystem() || (n.agency() != null && actor.isStaffOf(n.agency())))) {
                throw new GcamException(NotificationErrorCode.NOTIFICATION_NOT_FOUND, id);
            }
            if (!actor.isSystem() && !actor.hasRole(ROLE_NOTIFICATION_ADMIN)) {
                throw new AccessDeniedException("retry notifications");
            }
            if (!store.requeue(id, now())) {
                throw new GcamException(NotificationErrorCode.NOTIFICATION_NOT_RETRYABLE, id, n.status().wireName());
            }
            Notification requeued = store.find(id).orElseThrow();
            if (audit != null) {
                audit.append(actor, "notification.retried", "notification", id, Map.of("from", n.status().name()));
            }
            events.publish(event(EVENT_PREFIX + "retried", requeued));
            return requeued;
        });
    }

    /**
     * The applicant's in-app inbox, newest first.
     *
     * @param actor an applicant
     * @param page the page
     * @return the applicant's messages
     */
    public Page<InboxMessage> inbox(Actor actor, PageRequest page) {
        if (!actor.isApplicant()) {
            throw new AccessDeniedException("read an inbox");
        }
        return requireInbox().list(actor.subjectId(), page);
    }

    /**
     * Marks one of the applicant's inbox messages read.
     *
     * @param actor an applicant
     * @param messageId the message
     * @throws GcamException {@code NOTIFICATION_NOT_FOUND} when the applicant has no such message
     */
    public void markRead(Actor actor, String messageId) {
        if (!actor.isApplicant()) {
            throw new AccessDeniedException("read an inbox");
        }
        if (!requireInbox().markRead(actor.subjectId(), messageId, now())) {
            throw new GcamException(NotificationErrorCode.NOTIFICATION_NOT_FOUND, messageId);
        }
    }

    /**
     * A listener that turns domain events of other modules into notifications by the given rules,
     * as a system actor, in the publisher's transaction. Subscribe it to the event bus (e.g.
     * {@code SynchronousEventPublisher.subscribe("*", listener, OnFailure.PROPAGATE)}) so a failing
     * rule rolls back the change that raised the event.
     *
     * @param rules the rules; several may match one event
     * @return the listener
     */
    public DomainEventListener subscriptions(List<EventRule> rules) {
        List<EventRule> copy = List.copyOf(rules);
        Actor system = Actor.system("gcam-notification-subscriptions");
        return event -> {
            for (EventRule rule : copy) {
                if (rule.eventType().equals(event.type())) {
                    rule.toRequest(event).ifPresent(request -> send(system, request));
                }
            }
        };
    }

    private InboxStore requireInbox() {
        if (inbox == null) {
            throw new GcamException(NotificationErrorCode.CHANNEL_NOT_CONFIGURED, Channel.IN_APP.name());
        }
        return inbox;
    }

    private static boolean visible(Actor actor, Notification n) {
        return actor.isSystem()
                || (actor.isApplicant() && actor.subjectId().equals(n.subjectId()))
                || (n.agency() != null && actor.isStaffOf(n.agency()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static DomainEvent event(String type, Notification n) {
        DomainEvent.Builder b = DomainEvent.builder(type)
                .id(java.util.UUID.randomUUID().toString())
                .occurredAt(n.updatedAt())
                .aggregate("notification", n.id())
                .agency(n.agency())
                .payload("status", n.status().wireName())
                .payload("template", n.templateId())
                .payload("templateVersion", n.templateVersion())
                .payload("channel", n.channel().name())
                .payload("attempts", n.attempts());
        if (n.reference() != null) {
            b.payload("reference", n.reference());
        }
        return b.build();
    }

    /** Builds a {@link NotificationService}. */
    public static final class Builder {
        private @Nullable OutboxStore store;
        private @Nullable NotificationTemplates templates;
        private RecipientDirectory recipients = RecipientDirectory.NONE;
        private @Nullable TransactionRunner transactions;
        private EventPublisher events = event -> { };
        private @Nullable AuditTrail audit;
        private @Nullable InboxStore inbox;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param store the outbox; it must join the transactions of {@link #transactions}
         * @return this builder
         */
        public Builder store(OutboxStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param templates the templates
         * @return this builder
         */
        public Builder templates(NotificationTemplates templates) {
            this.templates = Objects.requireNonNull(templates, "templates");
            return this;
        }

        /**
         * @param recipients the directory of recipients; default: none known
         * @return this builder
         */
        public Builder recipients(RecipientDirectory recipients) {
            this.recipients = Objects.requireNonNull(recipients, "recipients");
            return this;
        }

        /**
         * @param transactions runs the store's writes, the audit entry and the events together
         * @return this builder
         */
        public Builder transactions(TransactionRunner transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /**
         * @param events where {@code notification.*} events go; default: nowhere
         * @return this builder
         */
        public Builder events(EventPublisher events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /**
         * @param audit audit trail for send requests and staff retries; default: none
         * @return this builder
         */
        public Builder audit(AuditTrail audit) {
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        /**
         * @param inbox the in-app inbox store, for {@link NotificationService#inbox}
         * @return this builder
         */
        public Builder inbox(InboxStore inbox) {
            this.inbox = Objects.requireNonNull(inbox, "inbox");
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

        /** @return the service */
        public NotificationService build() {
            return new NotificationService(this);
        }
    }
}
