package io.gcam.registration;

import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.DomainEvent;
import io.gcam.core.IdGenerator;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.ValidationException;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.TransactionRunner;
import io.gcam.registration.internal.ActivityValidation;
import io.gcam.registration.internal.CsvExport;
import io.gcam.registration.internal.DefinitionCache;
import io.gcam.registration.internal.Texts;
import io.gcam.registration.spi.ApplicantFacts;
import io.gcam.registration.spi.ApplicantProfile;
import io.gcam.registration.spi.EligibilityRule;
import io.gcam.registration.spi.RegistrationStore;
import io.gcam.registration.spi.SeatOutlook;
import io.gcam.registration.spi.SeatRequest;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration for examinations and activities.
 *
 * <pre>{@code
 * RegistrationService registrations = RegistrationService.builder()
 *         .store(new JdbcRegistrationStore(tx.dataSource()))
 *         .transactions(tx)
 *         .audit(auditTrail)
 *         .events(eventPublisher)
 *         .candidateNumbers(candidateNumberGenerator)
 *         .applicantFacts(profiles::facts)
 *         .idempotency(idempotentExecutor)
 *         .clock(clock)
 *         .build();
 * Registration r = registrations.register(applicant, sessionId, idempotencyKey);
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>No seat is sold twice and an applicant holds at most one active registration per session
 *       (and at most {@link ActivityDefinition#maxSessionsPerApplicant()} per activity): the store
 *       enforces both in the database.</li>
 *   <li>Every change (activity created or its status changed, registration confirmed, waitlisted,
 *       cancelled, promoted, moved) is written, audited and published as a {@link DomainEvent} in one
 *       {@link TransactionRunner} call: all or nothing.</li>
 *   <li>A cancelled activity holds no active registration: cancelling it cancels them all in the same
 *       transaction (one event and audit entry each), and a registration racing with it either is
 *       among them or is refused.</li>
 *   <li>Rejections ({@code REGISTRATION_FULL}, {@code REGISTRATION_CLOSED}, {@code NOT_ELIGIBLE},
 *       {@code ALREADY_REGISTERED}, {@code VALIDATION_FAILED}, {@code ACCESS_DENIED}) change nothing.</li>
 *   <li>Every operation checks the {@link Actor}: applicants register and cancel for themselves and
 *       see only their own registrations; staff act only for their own agency, administrative
 *       changes need {@link #ADMIN}, staff views need {@link #ADMIN} or {@link #OFFICER}.</li>
 *   <li>Time comes from the injected clock: the registration window and the cancellation deadline
 *       are checked against it.</li>
 *   <li>Candidate numbers are unique (the store backs it with a unique constraint) but may have gaps:
 *       while a seat looks free, {@link #register(Actor, SessionId)} takes the number before its
 *       transaction, so that the number sequence is never locked while a seat is; a number not used
 *       after all (the attempt is waitlisted, rejected or rolled back) is skipped, never given out again.</li>
 *   <li>Activity definitions (everything but the status and seat counters) never change once created,
 *       so the service keeps them in memory; the status and counters are read from the store on every
 *       attempt, so an activity closed by another application instance refuses registrations at once.</li>
 *   <li>Within one service instance, registrations for the same session take turns before their
 *       transaction starts (waiting at most two seconds for their turn, then going
 *       ahead anyway). They would queue on the session's row in the database in any case; queuing in
 *       memory instead keeps a rush on one session from holding pooled connections that only wait,
 *       and from waking every waiting transaction each time a seat is taken. The database alone
 *       decides who gets a seat, across instances as well.</li>
 * </ul>
 *
 * <p>Event types (all with aggregate type {@code registration} or {@code activity} and the agency):
 * {@code registration.activity_created}, {@code registration.activity_opened},
 * {@code registration.activity_closed}, {@code registration.activity_cancelled},
 * {@code registration.confirmed}, {@code registration.waitlisted}, {@code registration.cancelled},
 * {@code registration.promoted}, {@code registration.session_changed}. Payloads hold identifiers,
 * statuses and candidate numbers, never personal data. A {@code registration.cancelled} payload also
 * holds its {@code cause} ({@code applicant}, {@code agency}, or {@code activity_cancelled} when the
 * whole activity was called off) and the {@code reason} staff gave, if any; a
 * {@code registration.session_changed} payload holds the {@code fromSessionId}. Audit actions have
 * the same names and details.
 *
 * <p>Thread-safe.
 */
public final class RegistrationService {

    /** Role that may create activities and change their status, and do everything {@link #OFFICER} does. */
    public static final String ADMIN = "ADMIN";
    /** Role that may list, count and export registrations and cancel them for applicants. */
    public static final String OFFICER = "REGISTRATION_OFFICER";

    /** The longest cancellation reason accepted, in characters. */
    public static final int MAX_REASON_LENGTH = 500;

    private static final String CAUSE_APPLICANT = "applicant";
    private static final String CAUSE_AGENCY = "agency";
    private static final String CAUSE_ACTIVITY_CANCELLED = "activity_cancelled";

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);
    private static final int DEFINITION_CACHE_SIZE = 1024;
    /** How long a registration waits for its session's turn before it goes ahead without one. */
    private static final long TURN_WAIT_MILLIS = 2_000;

    private final RegistrationStore store;
    private final TransactionRunner transactions;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final ReferenceNumberGenerator candidateNumbers;
    private final ApplicantFacts applicantFacts;
    private final List<EligibilityRule> rules;
    private final @Nullable IdempotentExecutor idempotency;
    private final Clock clock;
    private final IdGenerator ids;
    private final ZoneId zone;
    private final DefinitionCache definitions;
    /** Per session, the turn its registrations take in this instance (see the class description). */
    private final ConcurrentMap<SessionId, ReentrantLock> turns = new ConcurrentHashMap<>();

    private RegistrationService(Builder b) {
        this.store = require(b.store, "store");
        this.transactions = require(b.transactions, "transactions");
        this.audit = require(b.audit, "audit");
        this.events = require(b.events, "events");
        this.candidateNumbers = require(b.candidateNumbers, "candidateNumbers");
        this.applicantFacts = b.applicantFacts;
        this.rules = List.copyOf(b.rules);
        this.idempotency = b.idempotency;
        this.clock = b.clock;
        this.ids = IdGenerator.create(b.clock);
        this.zone = b.zone;
        this.definitions = new DefinitionCache(store::findActivity, DEFINITION_CACHE_SIZE);
    }

    /** @return a builder; store, transactions, audit, events and candidateNumbers are required */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------ activities

    /**
     * Creates an activity in status {@link ActivityStatus#DRAFT}.
     *
     * @param actor an {@link #ADMIN} of the activity's agency
     * @param definition what the activity is
     * @return the stored activity with its session identifiers
     * @throws AccessDeniedException unless the actor is an admin of that agency
     * @throws ValidationException {@code VALIDATION_FAILED} listing every offending field
     */
    public Activity createActivity(Actor actor, ActivityDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        actor.requireRole(definition.agency(), ADMIN, "create activity");
        ActivityValidation.check(definition);
        ActivityId id = ids.next(ActivityId::new);
        List<Session> sessions = new ArrayList<>();
        for (SessionDefinition s : definition.sessions()) {
            sessions.add(new Session(ids.next(SessionId::new), id, s, 0, 0));
        }
        Activity activity = new Activity(id, ActivityStatus.DRAFT, definition, sessions, now());
        transactions.inTransaction(() -> {
            store.insertActivity(activity);
            record(actor, "registration.activity_created", "activity", id.value(), definition.agency(),
                    Map.of("sessions", sessions.size(), "category", definition.category()));
            return activity;
        });
        definitions.put(activity);
        return activity;
    }

    /**
     * Opens an activity for registration (from draft or closed).
     *
     * @param actor an {@link #ADMIN} of the activity's agency
     * @param id the activity
     * @return the activity as it is now
     * @throws RegistrationException {@code ACTIVITY_STATUS_INVALID} from cancelled or open
     */
    public Activity open(Actor actor, ActivityId id) {
        return changeStatus(actor, id, ActivityStatus.OPEN, "registration.activity_opened");
    }

    /**
     * Stops taking registrations.
     *
     * @param actor an {@link #ADMIN} of the activity's agency
     * @param id the activity
     * @return the activity as it is now
     * @throws RegistrationException {@code ACTIVITY_STATUS_INVALID} unless the activity is open
     */
    public Activity close(Actor actor, ActivityId id) {
        return changeStatus(actor, id, ActivityStatus.CLOSED, "registration.activity_closed");
    }

    /**
     * Calls an activity off, without a reason; see {@link #cancelActivity(Actor, ActivityId, String)}.
     *
     * @param actor an {@link #ADMIN} of the activity's agency
     * @param id the activity
     * @return the activity as it is now
     * @throws RegistrationException {@code ACTIVITY_STATUS_INVALID} when it is already cancelled
     */
    public Activity cancelActivity(Actor actor, ActivityId id) {
        return cancelActivity(actor, id, null);
    }

    /**
     * Calls an activity off. Final. Every active (confirmed or waitlisted) registration of the activity
     * is cancelled in the same transaction, each with its own {@code registration.cancelled} event
     * (cause {@code activity_cancelled}) and audit entry, so that a notification listener can tell every
     * applicant; nobody is promoted, and no registration can be made afterwards.
     *
     * @param actor an {@link #ADMIN} of the activity's agency
     * @param id the activity
     * @param reason why, for the applicants and the audit trail (at most {@value #MAX_REASON_LENGTH}
     *     characters; no personal data, it goes into every event), or {@code null}
     * @return the activity as it is now, its sessions' counters at 0
     * @throws RegistrationException {@code ACTIVITY_STATUS_INVALID} when it is already cancelled
     * @throws ValidationException when the reason is too long
     */
    public Activity cancelActivity(Actor actor, ActivityId id, @Nullable String reason) {
        Activity activity = store.findActivity(id).orElseThrow(() -> new NotFoundException("activity", id));
        actor.requireRole(activity.agency(), ADMIN, "change activity status");
        String why = reason(reason);
        ActivityStatus from = activity.status();
        if (from == ActivityStatus.CANCELLED) {
            throw new RegistrationException(RegistrationErrorCode.ACTIVITY_STATUS_INVALID, from, ActivityStatus.CANCELLED);
        }
        Instant now = now();
        Activity cancelled = transactions.inTransaction(() -> {
            definitions.evict(id);
            List<Registration> registrations = store.cancelActivity(id, from, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", from);
            details.put("to", ActivityStatus.CANCELLED);
            details.put("registrationsCancelled", registrations.size());
            putReason(details, why);
            record(actor, "registration.activity_cancelled", "activity", id.value(), activity.agency(), details);
            for (Registration r : registrations) {
                Map<String, Object> payload = payload(r);
                payload.put("cause", CAUSE_ACTIVITY_CANCELLED);
                putReason(payload, why);
                record(actor, "registration.cancelled", "registration", r.id().value(), activity.agency(), payload);
            }
            return activity.withStatus(ActivityStatus.CANCELLED);
        });
        LOG.info("cancelled activity {}", id);
        return store.findActivity(id).orElse(cancelled);
    }

    private Activity changeStatus(Actor actor, ActivityId id, ActivityStatus next, String action) {
        Activity activity = store.findActivity(id).orElseThrow(() -> new NotFoundException("activity", id));
        actor.requireRole(activity.agency(), ADMIN, "change activity status");
        ActivityStatus from = activity.status();
        boolean allowed = switch (next) {
            case OPEN -> from == ActivityStatus.DRAFT || from == ActivityStatus.CLOSED;
            case CLOSED -> from == ActivityStatus.OPEN;
            case CANCELLED, DRAFT -> false;
        };
        if (!allowed) {
            throw new RegistrationException(RegistrationErrorCode.ACTIVITY_STATUS_INVALID, from, next);
        }
        return transactions.inTransaction(() -> {
            definitions.evict(id);
            if (!store.updateActivityStatus(id, from, next)) {
                throw new io.gcam.core.ConflictException("activity " + id.value());
            }
            record(actor, action, "activity", id.value(), activity.agency(), Map.of("from", from, "to", next));
            return activity.withStatus(next);
        });
    }

    /**
     * @param actor anyone; drafts are visible only to staff of the activity's agency
     * @param id the activity
     * @return the activity with its current seat counters
     * @throws NotFoundException when it does not exist or is not visible to the actor
     */
    public Activity activity(Actor actor, ActivityId id) {
        Activity activity = store.findActivity(id).orElseThrow(() -> new NotFoundException("activity", id));
        if (!visible(actor, activity)) {
            throw new NotFoundException("activity", id);
        }
        return activity;
    }

    /**
     * Lists activities, newest first. Applicants see the open ones (a closed or cancelled activity stays
     * readable by id); staff see every activity of their own agency; the system sees all.
     *
     * @param actor who asks
     * @param page which page
     * @return the page
     */
    public Page<Activity> activities(Actor actor, PageRequest page) {
        if (actor.isStaff()) {
            return store.activities(actor.agency(), null, page);
        }
        if (actor.isSystem()) {
            return store.activities(null, null, page);
        }
        return store.activities(null, ActivityStatus.OPEN, page);
    }

    private static boolean visible(Actor actor, Activity activity) {
        // Published activities stay readable by id once closed or cancelled: applicants look up what
        // they registered for (and what was called off).
        return actor.isSystem() || actor.isStaffOf(activity.agency()) || activity.status() != ActivityStatus.DRAFT;
    }

    // ------------------------------------------------------------------------------------ eligibility

    /**
     * Evaluates the activity's eligibility conditions and the configured agency rules for the
     * applicant, without registering.
     *
     * @param actor the applicant
     * @param id the activity
     * @return the reasons the applicant is refused, if any
     */
    public Eligibility eligibility(Actor actor, ActivityId id) {
        requireApplicant(actor, "check eligibility");
        return evaluate(activity(actor, id), actor.subjectId());
    }

    private Eligibility evaluate(Activity activity, String applicantId) {
        List<EligibilityRule> applicable = new ArrayList<>(EligibilityRules.of(activity.definition().eligibility()));
        applicable.addAll(rules);
        if (applicable.isEmpty()) {
            return new Eligibility(List.of());
        }
        Optional<ApplicantProfile> profile = applicantFacts.find(applicantId);
        if (profile.isEmpty()) {
            return new Eligibility(List.of(EligibilityRules.applicantUnknown()));
        }
        List<LocalizedText> reasons = new ArrayList<>();
        for (EligibilityRule rule : applicable) {
            rule.refusal(activity, profile.get()).ifPresent(reasons::add);
        }
        return new Eligibility(reasons);
    }

    // ------------------------------------------------------------------------------------ registering

    /**
     * Registers the applicant for a session: {@link RegistrationStatus#CONFIRMED} with a candidate
     * number while seats are free, else {@link RegistrationStatus#WAITLISTED} with a position while
     * the waitlist has room.
     *
     * @param actor the applicant, registering themselves
     * @param sessionId the chosen session
     * @return the registration
     * @throws NotFoundException when the session does not exist or its activity is not visible
     * @throws RegistrationException {@code REGISTRATION_CLOSED}, {@code REGISTRATION_FULL},
     *     {@code ALREADY_REGISTERED}
     * @throws NotEligibleException {@code NOT_ELIGIBLE}, with the reasons
     */
    public Registration register(Actor actor, SessionId sessionId) {
        requireApplicant(actor, "register");
        Objects.requireNonNull(sessionId, "sessionId");
        // One read of what changes (activity status, seat counters, the applicant's active registrations);
        // the definition, which never changes once created, comes from the cache.
        SeatOutlook outlook = store.seatOutlook(sessionId, actor.subjectId())
                .orElseThrow(() -> new NotFoundException("session", sessionId));
        Activity activity = definitions.get(outlook.activityId()).withStatus(outlook.activityStatus());
        if (!visible(actor, activity) || activity.session(sessionId).isEmpty()) {
            throw new NotFoundException("session", sessionId);
        }
        Instant now = now();
        if (!activity.takesRegistrationsAt(now)) {
            throw new RegistrationException(RegistrationErrorCode.REGISTRATION_CLOSED);
        }
        Eligibility eligibility = evaluate(activity, actor.subjectId());
        if (!eligibility.eligible()) {
            throw new NotEligibleException(eligibility.reasons());
        }
        ActivityDefinition d = activity.definition();
        if (!outlook.seatFree() && outlook.waitlisted() >= d.effectiveWaitlistLimit() && !outlook.applicantActive()) {
            // Full when the outlook was read: reject without a transaction. (A seat freed since then is
            // not missed by anyone waiting: promotion hands it to the waitlist first.) Applicants who
            // already hold a registration go on to the store, which answers ALREADY_REGISTERED.
            throw new RegistrationException(RegistrationErrorCode.REGISTRATION_FULL);
        }
        SeatRequest request = new SeatRequest(ids.next(RegistrationId::new), activity.id(), sessionId,
                actor.subjectId(), now, d.maxSessionsPerApplicant(), d.effectiveWaitlistLimit());
        // While a seat looks free, take the candidate number before the transaction, so that the
        // sequence is never locked while the seat is: a number not used after all is a gap, never a
        // duplicate.
        Supplier<String> number = outlook.seatFree() && !outlook.applicantActive()
                ? prefetched(candidateNumbers.next().value()) : candidateNumber();
        return inTurn(sessionId, () -> transactions.inTransaction(() -> {
            Registration r = store.register(request, number);
            String action = r.status() == RegistrationStatus.CONFIRMED ? "registration.confirmed" : "registration.waitlisted";
            record(actor, action, "registration", r.id().value(), activity.agency(), payload(r));
            return r;
        }));
    }

    /**
     * Runs {@code work} in the session's turn. The turn only spares the database a queue: when it is
     * not free within {@value #TURN_WAIT_MILLIS} ms (a caller's outer transaction may hold the session's
     * row while another thread holds the turn), or the thread is interrupted, the work runs anyway.
     */
    private <T> T inTurn(SessionId sessionId, Supplier<T> work) {
        ReentrantLock turn = turns.computeIfAbsent(sessionId, id -> new ReentrantLock());
        boolean mine = false;
        try {
            mine = turn.tryLock(TURN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            return work.get();
        } finally {
            if (mine) {
                turn.unlock();
            }
        }
    }

    /**
     * Like {@link #register(Actor, SessionId)}, at most once per idempotency key: a repeat with the
     * same key and session returns the first result (also after a restart); the same key with another
     * session fails with {@code IDEMPOTENCY_KEY_REUSED}. Needs {@link Builder#idempotency}.
     *
     * @param actor the applicant
     * @param sessionId the chosen session
     * @param idempotencyKey the client's key, 1 to 255 printable ASCII characters
     * @return the registration
     */
    public Registration register(Actor actor, SessionId sessionId, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        IdempotentExecutor executor = idempotency;
        if (executor == null) {
            throw new IllegalStateException("RegistrationService was built without idempotency(...)");
        }
        requireApplicant(actor, "register");
        return executor.execute(actor, idempotencyKey, Map.of("operation", "registration.register",
                "sessionId", sessionId.value()), Registration.class, () -> register(actor, sessionId));
    }

    /**
     * Cancels a registration. Applicants cancel their own before the activity's cancellation
     * deadline; staff ({@link #ADMIN} or {@link #OFFICER}) of the agency at any time. A freed seat goes
     * to the first waitlisted registration of the session in the same transaction.
     *
     * @param actor the applicant or staff member
     * @param id the registration
     * @return the cancelled registration and the promoted one, if any
     * @throws NotFoundException when it does not exist or is not the actor's
     * @throws RegistrationException {@code CANCELLATION_DEADLINE_PASSED}, {@code REGISTRATION_NOT_ACTIVE}
     */
    public Cancellation cancel(Actor actor, RegistrationId id) {
        return cancel(actor, id, null);
    }

    /**
     * Like {@link #cancel(Actor, RegistrationId)}, with the reason given to the applicant: it is kept in
     * the audit entry and the {@code registration.cancelled} event (payload {@code reason}; the
     * {@code cause} is {@code applicant} or {@code agency}), for the notification that tells the
     * applicant.
     *
     * @param actor the applicant or staff member
     * @param id the registration
     * @param reason why, at most {@value #MAX_REASON_LENGTH} characters and no personal data, or
     *     {@code null}; blank counts as none
     * @return the cancelled registration and the promoted one, if any
     * @throws NotFoundException when it does not exist or is not the actor's
     * @throws RegistrationException {@code CANCELLATION_DEADLINE_PASSED}, {@code REGISTRATION_NOT_ACTIVE}
     * @throws ValidationException when the reason is too long
     */
    public Cancellation cancel(Actor actor, RegistrationId id, @Nullable String reason) {
        String why = reason(reason);
        Registration registration = ownOrStaff(actor, id);
        Activity activity = store.findActivity(registration.activityId()).orElseThrow();
        Instant now = now();
        if (actor.isApplicant() && !now.isBefore(activity.definition().cancellationDeadline())) {
            throw new RegistrationException(RegistrationErrorCode.CANCELLATION_DEADLINE_PASSED);
        }
        if (!registration.status().isActive()) {
            throw new RegistrationException(RegistrationErrorCode.REGISTRATION_NOT_ACTIVE);
        }
        return transactions.inTransaction(() -> {
            Cancellation result = store.cancel(id, now, candidateNumber());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("cause", actor.isApplicant() ? CAUSE_APPLICANT : CAUSE_AGENCY);
            putReason(details, why);
            recordChange(actor, activity, "registration.cancelled", result, details);
            return result;
        });
    }

    /**
     * Moves a registration to another session of the same activity that has a free seat; it is
     * confirmed there. The seat it leaves goes to the first waitlisted registration of the old session,
     * in the same transaction. Applicants may do this while registration is open; staff at any time.
     *
     * @param actor the applicant or staff member
     * @param id the registration
     * @param target the new session
     * @return the moved registration and the one promoted in the old session, if any
     * @throws RegistrationException {@code REGISTRATION_FULL} when the target has no free seat,
     *     {@code REGISTRATION_CLOSED} for applicants outside the window, {@code REGISTRATION_NOT_ACTIVE}
     * @throws ValidationException when the target is the current session or not of this activity
     */
    public Cancellation changeSession(Actor actor, RegistrationId id, SessionId target) {
        Objects.requireNonNull(target, "target");
        Registration registration = ownOrStaff(actor, id);
        Activity activity = store.findActivity(registration.activityId()).orElseThrow();
        if (registration.sessionId().equals(target)) {
            throw new ValidationException(List.of(Texts.violation("sessionId", "SAME_SESSION")));
        }
        if (activity.session(target).isEmpty()) {
            throw new ValidationException(List.of(Texts.violation("sessionId", "SESSION_NOT_IN_ACTIVITY")));
        }
        Instant now = now();
        if (actor.isApplicant() && !activity.takesRegistrationsAt(now)) {
            throw new RegistrationException(RegistrationErrorCode.REGISTRATION_CLOSED);
        }
        if (!registration.status().isActive()) {
            throw new RegistrationException(RegistrationErrorCode.REGISTRATION_NOT_ACTIVE);
        }
        return transactions.inTransaction(() -> {
            Cancellation result = store.move(id, target, now, candidateNumber());
            recordChange(actor, activity, "registration.session_changed", result,
                    Map.of("fromSessionId", registration.sessionId().value()));
            return result;
        });
    }

    private void recordChange(Actor actor, Activity activity, String action, Cancellation result,
            Map<String, Object> extra) {
        Registration r = result.registration();
        Map<String, Object> details = payload(r);
        details.putAll(extra);
        record(actor, action, "registration", r.id().value(), activity.agency(), details);
        Registration promoted = result.promoted();
        if (promoted != null) {
            Map<String, Object> promotion = payload(promoted);
            promotion.put("freedBy", r.id().value());
            record(actor, "registration.promoted", "registration", promoted.id().value(), activity.agency(), promotion);
        }
    }

    // ------------------------------------------------------------------------------------ views

    /**
     * @param actor the owner, or staff of the agency
     * @param id the registration
     * @return the registration with its current waitlist position
     * @throws NotFoundException when it does not exist or is not visible to the actor
     */
    public Registration registration(Actor actor, RegistrationId id) {
        return ownOrStaff(actor, id);
    }

    /**
     * @param actor the applicant
     * @param page which page
     * @return the applicant's own registrations, newest first
     */
    public Page<Registration> myRegistrations(Actor actor, PageRequest page) {
        requireApplicant(actor, "list own registrations");
        return store.registrationsOf(actor.subjectId(), page);
    }

    /**
     * @param actor the owner of a confirmed registration, or staff of the agency
     * @param id the registration
     * @return what the admission slip shows
     * @throws RegistrationException {@code REGISTRATION_NOT_ACTIVE} unless the registration is confirmed
     */
    public AdmissionSlip admissionSlip(Actor actor, RegistrationId id) {
        Registration r = ownOrStaff(actor, id);
        String number = r.candidateNumber();
        if (r.status() != RegistrationStatus.CONFIRMED || number == null) {
            throw new RegistrationException(RegistrationErrorCode.REGISTRATION_NOT_ACTIVE);
        }
        Activity activity = store.findActivity(r.activityId()).orElseThrow();
        Session session = activity.session(r.sessionId()).orElseThrow();
        return new AdmissionSlip(r.id(), number, activity.title(), session.venue(), session.startsAt(),
                session.definition().endsAt());
    }

    /**
     * Lists an activity's registrations for staff, filtered and paged.
     *
     * @param actor {@link #ADMIN} or {@link #OFFICER} of the activity's agency
     * @param query which registrations
     * @param page which page
     * @return the page, in registration order
     */
    public Page<Registration> registrations(Actor actor, RegistrationQuery query, PageRequest page) {
        requireStaffView(actor, query.activityId());
        return store.registrations(query, page);
    }

    /**
     * @param actor {@link #ADMIN} or {@link #OFFICER} of the activity's agency
     * @param activityId the activity
     * @param sessionId one session, or {@code null} for the whole activity
     * @return the counts by status
     */
    public RegistrationCounts counts(Actor actor, ActivityId activityId, @Nullable SessionId sessionId) {
        requireStaffView(actor, activityId);
        return store.counts(activityId, sessionId);
    }

    /**
     * Writes the registrations {@code query} selects as CSV: UTF-8 with a byte order mark (so that
     * Excel shows Chinese correctly), CRLF line ends, headers in {@code locale}, and cells that a
     * spreadsheet would run as formulas (starting with {@code = + - @}, tab or CR) prefixed with an
     * apostrophe.
     *
     * @param actor {@link #ADMIN} or {@link #OFFICER} of the activity's agency
     * @param query which registrations
     * @param out where to write; flushed, not closed
     * @param locale language of the headers and venues
     * @return the number of registrations written
     */
    public long exportCsv(Actor actor, RegistrationQuery query, OutputStream out, Locale locale) {
        Activity activity = requireStaffView(actor, query.activityId());
        long rows = CsvExport.write(store, activity, query, out, locale, zone);
        LOG.info("exported {} registrations of activity {}", rows, activity.id());
        return rows;
    }

    // ------------------------------------------------------------------------------------ helpers

    private Activity requireStaffView(Actor actor, ActivityId activityId) {
        Activity activity = store.findActivity(activityId).orElseThrow(() -> new NotFoundException("activity", activityId));
        if (!(actor.isSystem() || (actor.isStaffOf(activity.agency()) && (actor.hasRole(ADMIN) || actor.hasRole(OFFICER))))) {
            throw new AccessDeniedException("view registrations");
        }
        return activity;
    }

    private Registration ownOrStaff(Actor actor, RegistrationId id) {
        Registration r = store.findRegistration(id).orElseThrow(() -> new NotFoundException("registration", id));
        if (actor.isApplicant()) {
            if (!r.applicantId().equals(actor.subjectId())) {
                throw new NotFoundException("registration", id);
            }
            return r;
        }
        if (actor.isSystem()) {
            return r;
        }
        Activity activity = store.findActivity(r.activityId()).orElseThrow();
        if (!(actor.isStaffOf(activity.agency()) && (actor.hasRole(ADMIN) || actor.hasRole(OFFICER)))) {
            throw new AccessDeniedException("act on registration");
        }
        return r;
    }

    private static void requireApplicant(Actor actor, String operation) {
        if (!Objects.requireNonNull(actor, "actor").isApplicant()) {
            throw new AccessDeniedException(operation);
        }
    }

    private static @Nullable String reason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON_LENGTH) {
            throw new ValidationException(List.of(Texts.violation("reason", "TOO_LONG", MAX_REASON_LENGTH)));
        }
        return stripped;
    }

    private static void putReason(Map<String, Object> details, @Nullable String reason) {
        if (reason != null) {
            details.put("reason", reason);
        }
    }

    private Supplier<String> candidateNumber() {
        return () -> candidateNumbers.next().value();
    }

    /** Gives {@code first} once, then fresh numbers. */
    private Supplier<String> prefetched(String first) {
        AtomicReference<@Nullable String> unused = new AtomicReference<>(first);
        return () -> {
            String value = unused.getAndSet(null);
            return value != null ? value : candidateNumbers.next().value();
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, Object> payload(Registration r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("activityId", r.activityId().value());
        p.put("sessionId", r.sessionId().value());
        p.put("status", r.status());
        if (r.candidateNumber() != null) {
            p.put("candidateNumber", r.candidateNumber());
        }
        if (r.waitlistPosition() != null) {
            p.put("waitlistPosition", r.waitlistPosition());
        }
        return p;
    }

    private void record(Actor actor, String action, String objectType, String objectId, String agency,
            Map<String, Object> details) {
        audit.append(actor, action, objectType, objectId, details);
        events.publish(DomainEvent.builder(action)
                .id(ids.next())
                .occurredAt(now())
                .aggregate(objectType, objectId)
                .agency(agency)
                .payload(details)
                .build());
    }

    private static <T> T require(@Nullable T value, String name) {
        if (value == null) {
            throw new NullPointerException("RegistrationService needs " + name + "(...)");
        }
        return value;
    }

    /** Configures a {@link RegistrationService}. */
    public static final class Builder {
        private @Nullable RegistrationStore store;
        private @Nullable TransactionRunner transactions;
        private @Nullable AuditTrail audit;
        private @Nullable EventPublisher events;
        private @Nullable ReferenceNumberGenerator candidateNumbers;
        private ApplicantFacts applicantFacts = ApplicantFacts.NONE;
        private final List<EligibilityRule> rules = new ArrayList<>();
        private @Nullable IdempotentExecutor idempotency;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ReferenceNumberGenerator.DEFAULT_ZONE;

        private Builder() {
        }

        /**
         * @param store where activities and registrations live (required)
         * @return this builder
         */
        public Builder store(RegistrationStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param transactions runs each change with its audit entry and events (required)
         * @return this builder
         */
        public Builder transactions(TransactionRunner transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /**
         * @param audit the audit trail every change is recorded in (required)
         * @return this builder
         */
        public Builder audit(AuditTrail audit) {
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        /**
         * @param events where domain events go (required)
         * @return this builder
         */
        public Builder events(EventPublisher events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /**
         * The generator of candidate numbers (required). With a JDBC sequence store use
         * {@code JdbcSequenceStore.create(pool)} (each number in its own short transaction, so the
         * sequence row is never locked for longer than it takes to increment it). A registration takes
         * its number before its transaction, so numbering has gaps where attempts end up waitlisted or
         * rejected (see the class description); promotions and session changes take theirs inside it.
         *
         * @param candidateNumbers the generator
         * @return this builder
         */
        public Builder candidateNumbers(ReferenceNumberGenerator candidateNumbers) {
            this.candidateNumbers = Objects.requireNonNull(candidateNumbers, "candidateNumbers");
            return this;
        }

        /**
         * @param applicantFacts where eligibility rules get applicant facts (default: nobody is known,
         *     so activities with conditions refuse everyone)
         * @return this builder
         */
        public Builder applicantFacts(ApplicantFacts applicantFacts) {
            this.applicantFacts = Objects.requireNonNull(applicantFacts, "applicantFacts");
            return this;
        }

        /**
         * Adds an agency rule evaluated for every activity after the built-in conditions.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder eligibilityRule(EligibilityRule rule) {
            this.rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * @param idempotency enables {@link #register(Actor, SessionId, String)}
         * @return this builder
         */
        public Builder idempotency(IdempotentExecutor idempotency) {
            this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
            return this;
        }

        /**
         * @param clock the source of time (default {@link Clock#systemUTC()})
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param zone the zone times are shown in in CSV exports (default {@code Asia/Macau})
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * @return the service
         * @throws NullPointerException when a required setting is missing
         */
        public RegistrationService build() {
            return new RegistrationService(this);
        }
    }
}
