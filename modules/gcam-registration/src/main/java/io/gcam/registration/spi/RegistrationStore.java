package io.gcam.registration.spi;

import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.registration.Activity;
import io.gcam.registration.ActivityId;
import io.gcam.registration.ActivityStatus;
import io.gcam.registration.Cancellation;
import io.gcam.registration.Registration;
import io.gcam.registration.RegistrationCounts;
import io.gcam.registration.RegistrationId;
import io.gcam.registration.RegistrationQuery;
import io.gcam.registration.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where activities, sessions and registrations live. Implementations:
 * {@link io.gcam.registration.jdbc.JdbcRegistrationStore} (PostgreSQL, H2) and
 * {@code io.gcam.testkit.registration.InMemoryRegistrationStore}; an agency's own store proves
 * itself with {@code io.gcam.testkit.registration.RegistrationStoreCompatibilityKit}.
 *
 * <p>Guarantees every implementation gives, also when many threads and several application
 * instances share the backend:
 * <ul>
 *   <li><b>No overbooking.</b> A session never has more {@code CONFIRMED} registrations than its
 *       capacity, and its {@code taken} counter always equals the number of confirmed registrations.</li>
 *   <li><b>One active registration per applicant and session</b>, and at most
 *       {@link SeatRequest#maxActivePerApplicant()} per applicant and activity.</li>
 *   <li><b>Waitlist order.</b> Waitlisted registrations of a session are promoted first come, first
 *       served, and no session has a free seat while a registration waits for it (once the
 *       operation that freed the seat has completed). A session never holds more waitlisted
 *       registrations than the limit it was registered with.</li>
 *   <li><b>No active registration in a cancelled activity.</b> {@link #cancelActivity} cancels them
 *       all, and {@link #register} refuses once the activity is not open.</li>
 *   <li><b>Atomic compound operations.</b> {@link #register}, {@link #cancel}, {@link #move} and
 *       {@link #cancelActivity} either happen completely or not at all. A JDBC store joins the
 *       caller's transaction when there is one (then nothing is final before it commits) and otherwise
 *       uses its own.</li>
 * </ul>
 */
public interface RegistrationStore {

    /**
     * Stores a new activity with its sessions (their counters start at 0).
     *
     * @param activity the activity
     */
    void insertActivity(Activity activity);

    /**
     * @param id an activity id
     * @return the activity with its sessions and current counters, or empty
     */
    Optional<Activity> findActivity(ActivityId id);

    /**
     * @param id a session id
     * @return the activity that has that session, or empty
     */
    Optional<Activity> findActivityOfSession(SessionId id);

    /**
     * Reads what a registration attempt needs to know about a session before it takes a seat: the
     * status of its activity, the seat counters and whether the applicant already holds an active
     * registration in the activity. Called once per attempt, so implementations should answer it
     * with a single round trip where they can (the JDBC store uses one query). The default derives
     * it from {@link #findActivityOfSession} and {@link #registrations}.
     *
     * @param sessionId a session id
     * @param applicantId the applicant about to register
     * @return the outlook, or empty when there is no such session
     */
    default Optional<SeatOutlook> seatOutlook(SessionId sessionId, String applicantId) {
        return findActivityOfSession(sessionId).flatMap(activity -> activity.session(sessionId).map(session -> {
            boolean active = registrations(RegistrationQuery.of(activity.id()).applicant(applicantId),
                    PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream().anyMatch(r -> r.status().isActive());
            return new SeatOutlook(activity.id(), activity.status(), session.capacity(), session.taken(),
                    session.waitlisted(), active);
        }));
    }

    /**
     * Changes an activity's status if it is still {@code expected}.
     *
     * @param id the activity
     * @param expected the status the caller saw
     * @param next the new status
     * @return whether the status was changed
     */
    boolean updateActivityStatus(ActivityId id, ActivityStatus expected, ActivityStatus next);

    /**
     * Cancels an activity and every active (confirmed or waitlisted) registration of it, in one atomic
     * operation: afterwards the activity is {@code CANCELLED}, none of its registrations is active and
     * every session's {@code taken} and {@code waitlisted} counters are 0. A registration, cancellation
     * or move of the activity racing with it either completes before it (and its registration is then
     * cancelled too) or sees the activity cancelled. Nobody is promoted.
     *
     * @param id the activity
     * @param expected the status the caller saw; anything but {@code CANCELLED}
     * @param at when it is cancelled (the registrations' {@code cancelledAt})
     * @return the registrations it cancelled, as they are now, in registration order (then id)
     * @throws io.gcam.core.NotFoundException when there is no such activity
     * @throws io.gcam.core.ConflictException when the activity's status is no longer {@code expected};
     *     nothing is changed
     */
    List<Registration> cancelActivity(ActivityId id, ActivityStatus expected, Instant at);

    /**
     * Lists activities, newest first.
     *
     * @param agency only this agency's, or {@code null} for all
     * @param status only this status, or {@code null} for all
     * @param page which page
     * @return the page
     */
    Page<Activity> activities(@Nullable String agency, @Nullable ActivityStatus status, PageRequest page);

    /**
     * Registers an applicant: takes a free seat of the session (status {@code CONFIRMED}, with a
     * candidate number from {@code candidateNumber}); or, when none is free and the waitlist has
     * room, a place at its end (status {@code WAITLISTED}, with its position).
     *
     * @param request the seat request
     * @param candidateNumber gives a new candidate number; called once, only when a seat is taken
     * @return the stored registration
     * @throws io.gcam.registration.RegistrationException {@code REGISTRATION_FULL} when neither a seat
     *     nor a waitlist place is free; {@code ALREADY_REGISTERED} when the applicant already holds an
     *     active registration for the session or the maximum for the activity; {@code REGISTRATION_CLOSED}
     *     when the activity is not {@code OPEN} (so that no registration is stored for an activity once
     *     {@link #cancelActivity} has run). Nothing is stored.
     */
    Registration register(SeatRequest request, Supplier<String> candidateNumber);

    /**
     * @param id a registration id
     * @return the registration (with its current waitlist position), or empty
     */
    Optional<Registration> findRegistration(RegistrationId id);

    /**
     * Cancels an active registration. When it held a seat, the first waitlisted registration of the
     * session takes that seat in the same atomic operation.
     *
     * @param id the registration
     * @param at when it is cancelled
     * @param candidateNumber gives a candidate number to a promoted registration that has none yet
     * @return the cancelled registration and the promoted one, if any
     * @throws io.gcam.core.NotFoundException when there is no such registration
     * @throws io.gcam.registration.RegistrationException {@code REGISTRATION_NOT_ACTIVE} when it is
     *     already cancelled
     */
    Cancellation cancel(RegistrationId id, Instant at, Supplier<String> candidateNumber);

    /**
     * Moves an active registration to a free seat of another session of the same activity. It is
     * confirmed there (a waitlisted one gets a candidate number). The seat it held, if any, goes to the
     * first waitlisted registration of the old session, in the same atomic operation.
     *
     * @param id the registration
     * @param target the session to move to
     * @param at when it is moved
     * @param candidateNumber gives candidate numbers to registrations that have none yet
     * @return the moved registration and the one promoted in the old session, if any
     * @throws io.gcam.core.NotFoundException when there is no such registration
     * @throws io.gcam.registration.RegistrationException {@code REGISTRATION_NOT_ACTIVE} when it is
     *     cancelled; {@code REGISTRATION_FULL} when the target has no free seat;
     *     {@code ALREADY_REGISTERED} when the applicant already holds the target session
     */
    Cancellation move(RegistrationId id, SessionId target, Instant at, Supplier<String> candidateNumber);

    /**
     * Lists registrations in registration order (then id).
     *
     * @param query which registrations
     * @param page which page
     * @return the page
     */
    Page<Registration> registrations(RegistrationQuery query, PageRequest page);

    /**
     * Lists one applicant's registrations, newest first.
     *
     * @param applicantId the applicant
     * @param page which page
     * @return the page
     */
    Page<Registration> registrationsOf(String applicantId, PageRequest page);

    /**
     * @param activityId the activity
     * @param sessionId only this session, or {@code null} for the whole activity
     * @return the counts by status
     */
    RegistrationCounts counts(ActivityId activityId, @Nullable SessionId sessionId);
}
