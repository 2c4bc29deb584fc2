package io.gcam.testkit.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.ConflictException;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.registration.Activity;
import io.gcam.registration.ActivityCategory;
import io.gcam.registration.ActivityDefinition;
import io.gcam.registration.ActivityId;
import io.gcam.registration.ActivityStatus;
import io.gcam.registration.Cancellation;
import io.gcam.registration.EligibilityCriteria;
import io.gcam.registration.Registration;
import io.gcam.registration.RegistrationCounts;
import io.gcam.registration.RegistrationId;
import io.gcam.registration.RegistrationQuery;
import io.gcam.registration.RegistrationStatus;
import io.gcam.registration.Session;
import io.gcam.registration.SessionDefinition;
import io.gcam.registration.SessionId;
import io.gcam.registration.spi.RegistrationStore;
import io.gcam.registration.spi.SeatOutlook;
import io.gcam.registration.spi.SeatRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RegistrationStore}, as tests. Extend it and implement {@link #createStore()}:
 *
 * <pre>{@code
 * class MyRegistrationStoreTest extends RegistrationStoreCompatibilityKit {
 *     @Override
 *     protected RegistrationStore createStore() {
 *         return new MyRegistrationStore(dataSource);
 *     }
 * }
 * }</pre>
 *
 * <p>Every test creates activities of its own (random identifiers and agency), so the store may be
 * backed by a database shared between tests. The concurrency test races threads of this JVM; the
 * guarantees across application instances need a test against the real backend (see
 * gcam-registration's PostgreSQL race test).
 */
public abstract class RegistrationStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private RegistrationStore store;
    private String agency;
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected RegistrationStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store, possibly on a backend shared with other tests
     */
    protected abstract RegistrationStore createStore();

    /**
     * The number of threads the concurrency test races. Default 8.
     *
     * @return at least 2
     */
    protected int threads() {
        return 8;
    }

    @BeforeEach
    final void createStoreUnderTest() {
        store = createStore();
        agency = "A" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------ activities

    @Test
    void storesAnActivityWithItsSessionsAndReadsItBack() {
        Activity activity = activity(ActivityStatus.DRAFT, 3, 5);
        store.insertActivity(activity);

        Activity read = store.findActivity(activity.id()).orElseThrow();
        assertThat(read).isEqualTo(activity);
        assertThat(store.findActivityOfSession(activity.sessions().get(1).id())).contains(activity);
        assertThat(store.findActivity(new ActivityId(UUID.randomUUID().toString()))).isEmpty();
        assertThat(store.findActivityOfSession(new SessionId(UUID.randomUUID().toString()))).isEmpty();
    }

    @Test
    void changesTheStatusOnlyFromTheExpectedOne() {
        Activity activity = activity(ActivityStatus.DRAFT, 1);
        store.insertActivity(activity);
        assertThat(store.updateActivityStatus(activity.id(), ActivityStatus.OPEN, ActivityStatus.CLOSED)).isFalse();
        assertThat(store.updateActivityStatus(activity.id(), ActivityStatus.DRAFT, ActivityStatus.OPEN)).isTrue();
        assertThat(store.findActivity(activity.id()).orElseThrow().status()).isEqualTo(ActivityStatus.OPEN);
    }

    @Test
    void listsActivitiesNewestFirstByAgencyAndStatus() {
        Activity older = activity(ActivityStatus.OPEN, 1);
        Activity newer = activity(ActivityStatus.DRAFT, 1);
        store.insertActivity(older);
        store.insertActivity(newer);

        assertThat(store.activities(agency, null, PageRequest.first()).items()).extracting(Activity::id)
                .containsExactly(newer.id(), older.id());
        assertThat(store.activities(agency, ActivityStatus.OPEN, PageRequest.first()).items())
                .extracting(Activity::id).containsExactly(older.id());
        Page<Activity> second = store.activities(agency, null, PageRequest.of(1, 1));
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.items()).extracting(Activity::id).containsExactly(older.id());
    }

    // ------------------------------------------------------------------ registering

    @Test
    void confirmsUntilFullThenWaitlistsUpToTheLimitThenRejects() {
        Activity activity = open(2);
        SessionId s = activity.sessions().get(0).id();

        Registration a = register(activity, s, "a", 1, 2);
        Registration b = register(activity, s, "b", 1, 2);
        Registration c = register(activity, s, "c", 1, 2);
        Registration d = register(activity, s, "d", 1, 2);

        assertThat(List.of(a.status(), b.status())).containsOnly(RegistrationStatus.CONFIRMED);
        assertThat(a.candidateNumber()).isNotNull().isNotEqualTo(b.candidateNumber());
        assertThat(a.waitlistPosition()).isNull();
        assertThat(c.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(c.candidateNumber()).isNull();
        assertThat(c.waitlistPosition()).isEqualTo(1);
        assertThat(d.waitlistPosition()).isEqualTo(2);
        assertCode(() -> register(activity, s, "e", 1, 2), "REGISTRATION_FULL");
        assertThat(store.findRegistration(d.id())).contains(d);
        Session session = store.findActivity(activity.id()).orElseThrow().sessions().get(0);
        assertThat(session.taken()).isEqualTo(2);
        assertThat(session.waitlisted()).isEqualTo(2);
        assertThat(store.counts(activity.id(), null)).isEqualTo(new RegistrationCounts(2, 2, 0));
    }

    @Test
    void seatOutlookShowsTheActivityStatusTheCountersAndWhetherTheApplicantHoldsARegistration() {
        Activity activity = open(1, 3);
        SessionId s1 = activity.sessions().get(0).id();
        SessionId s2 = activity.sessions().get(1).id();
        Registration a = register(activity, s1, "a", 2, 2);
        register(activity, s1, "b", 2, 2);

        assertThat(store.seatOutlook(s1, agency + "-b")).contains(
                new SeatOutlook(activity.id(), ActivityStatus.OPEN, 1, 1, 1, true));
        assertThat(store.seatOutlook(s2, agency + "-a")).as("a registration in another session counts").contains(
                new SeatOutlook(activity.id(), ActivityStatus.OPEN, 3, 0, 0, true));
        assertThat(store.seatOutlook(s2, agency + "-c")).contains(
                new SeatOutlook(activity.id(), ActivityStatus.OPEN, 3, 0, 0, false));

        store.cancel(a.id(), at(), numberSupplier());
        store.updateActivityStatus(activity.id(), ActivityStatus.OPEN, ActivityStatus.CLOSED);
        SeatOutlook afterwards = store.seatOutlook(s1, agency + "-a").orElseThrow();
        assertThat(afterwards).as("cancelled registrations do not count; the promoted one holds the seat")
                .isEqualTo(new SeatOutlook(activity.id(), ActivityStatus.CLOSED, 1, 1, 0, false));
        assertThat(afterwards.seatFree()).isFalse();
        assertThat(store.seatOutlook(new SessionId(UUID.randomUUID().toString()), agency + "-a")).isEmpty();
    }

    @Test
    void rejectsAFullSessionWithoutWaitlistAndChangesNothing() {
        Activity activity = open(1);
        SessionId s = activity.sessions().get(0).id();
        register(activity, s, "a", 1, 0);
        long before = numbers.get();
        assertCode(() -> register(activity, s, "b", 1, 0), "REGISTRATION_FULL");
        assertThat(numbers.get()).as("no candidate number is taken for a rejection").isEqualTo(before);
        assertThat(store.counts(activity.id(), null).total()).isEqualTo(1);
    }

    @Test
    void holdsOneActiveRegistrationPerApplicantAndSessionAndAtMostTheMaximumPerActivity() {
        Activity activity = open(5, 5, 5);
        SessionId s1 = activity.sessions().get(0).id();
        SessionId s2 = activity.sessions().get(1).id();
        SessionId s3 = activity.sessions().get(2).id();
        Registration first = register(activity, s1, "a", 2, 0);
        assertCode(() -> register(activity, s1, "a", 2, 0), "ALREADY_REGISTERED");
        register(activity, s2, "a", 2, 0);
        assertCode(() -> register(activity, s3, "a", 2, 0), "ALREADY_REGISTERED");

        store.cancel(first.id(), at(), numberSupplier());
        assertThat(register(activity, s3, "a", 2, 0).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(register(activity, s1, "b", 1, 0).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(store.counts(activity.id(), null)).isEqualTo(new RegistrationCounts(3, 0, 1));
    }

    // ------------------------------------------------------------------ cancelling and moving

    @Test
    void cancellingAConfirmedRegistrationGivesTheSeatToTheFirstWaitlisted() {
        Activity activity = open(1);
        SessionId s = activity.sessions().get(0).id();
        Registration holder = register(activity, s, "a", 1, 5);
        Registration first = register(activity, s, "b", 1, 5);
        Registration second = register(activity, s, "c", 1, 5);
        Instant when = at();

        Cancellation result = store.cancel(holder.id(), when, numberSupplier());

        assertThat(result.registration().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(result.registration().cancelledAt()).isEqualTo(when);
        assertThat(result.promoted()).isNotNull();
        assertThat(result.promoted().id()).isEqualTo(first.id());
        assertThat(result.promoted().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(result.promoted().candidateNumber()).isNotNull();
        assertThat(store.findRegistration(second.id()).orElseThrow().waitlistPosition()).isEqualTo(1);
        Session session = store.findActivity(activity.id()).orElseThrow().sessions().get(0);
        assertThat(session.taken()).isEqualTo(1);
        assertThat(session.waitlisted()).isEqualTo(1);
        assertCode(() -> store.cancel(holder.id(), at(), numberSupplier()), "REGISTRATION_NOT_ACTIVE");
        assertThatThrownBy(() -> store.cancel(new RegistrationId(UUID.randomUUID().toString()), at(), numberSupplier()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void cancellingAWaitlistedRegistrationMovesTheOthersUpAndPromotesNobody() {
        Activity activity = open(1);
        SessionId s = activity.sessions().get(0).id();
        register(activity, s, "a", 1, 5);
        Registration first = register(activity, s, "b", 1, 5);
        Registration second = register(activity, s, "c", 1, 5);
        Cancellation result = store.cancel(first.id(), at(), numberSupplier());
        assertThat(result.promoted()).isNull();
        assertThat(store.findRegistration(second.id()).orElseThrow().waitlistPosition()).isEqualTo(1);
        assertThat(store.findActivity(activity.id()).orElseThrow().sessions().get(0).waitlisted()).isEqualTo(1);
    }

    @Test
    void movingToAFreeSeatConfirmsThereAndPromotesInTheOldSession() {
        Activity activity = open(1, 1);
        SessionId s1 = activity.sessions().get(0).id();
        SessionId s2 = activity.sessions().get(1).id();
        Registration mover = register(activity, s1, "a", 1, 5);
        Registration waiting = register(activity, s1, "b", 1, 5);

        Cancellation result = store.move(mover.id(), s2, at(), numberSupplier());

        assertThat(result.registration().sessionId()).isEqualTo(s2);
        assertThat(result.registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(result.registration().candidateNumber()).isEqualTo(mover.candidateNumber());
        assertThat(result.promoted().id()).isEqualTo(waiting.id());
        assertThat(store.findActivity(activity.id()).orElseThrow().sessions()).extracting(Session::taken)
                .containsExactly(1, 1);

        Registration third = register(activity, s1, "c", 1, 5);
        assertCode(() -> store.move(third.id(), s2, at(), numberSupplier()), "REGISTRATION_FULL");
        assertThat(store.findRegistration(third.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(store.findActivity(activity.id()).orElseThrow().sessions()).extracting(Session::waitlisted)
                .containsExactly(1, 0);
    }

    @Test
    void movingAWaitlistedRegistrationToAFreeSeatConfirmsItWithANumber() {
        Activity activity = open(1, 2);
        register(activity, activity.sessions().get(0).id(), "a", 1, 5);
        Registration waiting = register(activity, activity.sessions().get(0).id(), "b", 1, 5);
        Registration moved = store.move(waiting.id(), activity.sessions().get(1).id(), at(), numberSupplier())
                .registration();
        assertThat(moved.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(moved.candidateNumber()).isNotNull();
        assertThat(moved.waitlistPosition()).isNull();
        assertThat(store.findActivity(activity.id()).orElseThrow().sessions()).extracting(Session::waitlisted)
                .containsExactly(0, 0);
    }

    // ------------------------------------------------------------------ cancelling an activity

    @Test
    void cancellingAnActivityCancelsEveryActiveRegistrationAndEmptiesItsSessions() {
        Activity activity = open(1, 2);
        SessionId s1 = activity.sessions().get(0).id();
        SessionId s2 = activity.sessions().get(1).id();
        Registration confirmed = register(activity, s1, "a", 1, 5);
        Registration waiting = register(activity, s1, "b", 1, 5);
        Registration earlier = register(activity, s2, "c", 1, 5);
        store.cancel(earlier.id(), at(), numberSupplier());
        Registration other = register(activity, s2, "d", 1, 5);
        Activity unrelated = open(1);
        Registration elsewhere = register(unrelated, unrelated.sessions().get(0).id(), "a", 1, 5);
        Instant when = at();

        List<Registration> cancelled = store.cancelActivity(activity.id(), ActivityStatus.OPEN, when);

        assertThat(cancelled).extracting(Registration::id).containsExactly(confirmed.id(), waiting.id(), other.id());
        assertThat(cancelled).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RegistrationStatus.CANCELLED);
            assertThat(r.cancelledAt()).isEqualTo(when);
            assertThat(r.waitlistPosition()).isNull();
            assertThat(store.findRegistration(r.id())).contains(r);
        });
        assertThat(cancelled.get(0).candidateNumber()).as("kept, like any cancelled registration's")
                .isEqualTo(confirmed.candidateNumber());
        assertThat(store.findRegistration(earlier.id()).orElseThrow().cancelledAt()).isNotEqualTo(when);
        Activity after = store.findActivity(activity.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ActivityStatus.CANCELLED);
        assertThat(after.sessions()).extracting(Session::taken).containsExactly(0, 0);
        assertThat(after.sessions()).extracting(Session::waitlisted).containsExactly(0, 0);
        assertThat(store.counts(activity.id(), null)).isEqualTo(new RegistrationCounts(0, 0, 4));
        assertThat(store.findRegistration(elsewhere.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(store.seatOutlook(s1, agency + "-a")).contains(
                new SeatOutlook(activity.id(), ActivityStatus.CANCELLED, 1, 0, 0, false));
    }

    @Test
    void cancellingAnActivityWithoutRegistrationsReturnsNone() {
        Activity activity = activity(ActivityStatus.DRAFT, 3);
        store.insertActivity(activity);
        assertThat(store.cancelActivity(activity.id(), ActivityStatus.DRAFT, at())).isEmpty();
        assertThat(store.findActivity(activity.id()).orElseThrow().status()).isEqualTo(ActivityStatus.CANCELLED);
    }

    @Test
    void cancelsAnActivityOnlyFromTheExpectedStatusAndChangesNothingOtherwise() {
        Activity activity = open(2);
        Registration r = register(activity, activity.sessions().get(0).id(), "a", 1, 0);

        assertThatThrownBy(() -> store.cancelActivity(activity.id(), ActivityStatus.CLOSED, at()))
                .isInstanceOf(ConflictException.class);
        assertThat(store.findActivity(activity.id()).orElseThrow().status()).isEqualTo(ActivityStatus.OPEN);
        assertThat(store.findRegistration(r.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(store.findActivity(activity.id()).orElseThrow().sessions().get(0).taken()).isEqualTo(1);

        store.cancelActivity(activity.id(), ActivityStatus.OPEN, at());
        assertThatThrownBy(() -> store.cancelActivity(activity.id(), ActivityStatus.CANCELLED, at()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.cancelActivity(new ActivityId(UUID.randomUUID().toString()),
                ActivityStatus.OPEN, at())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesToRegisterForAnActivityThatIsNotOpenAndStoresNothing() {
        Activity closed = open(2);
        store.updateActivityStatus(closed.id(), ActivityStatus.OPEN, ActivityStatus.CLOSED);
        Activity cancelled = open(2);
        store.cancelActivity(cancelled.id(), ActivityStatus.OPEN, at());

        assertCode(() -> register(closed, closed.sessions().get(0).id(), "a", 1, 5), "REGISTRATION_CLOSED");
        assertCode(() -> register(cancelled, cancelled.sessions().get(0).id(), "a", 1, 5), "REGISTRATION_CLOSED");
        assertThat(store.counts(closed.id(), null).total()).isZero();
        assertThat(store.counts(cancelled.id(), null).total()).isZero();
        assertThat(store.findActivity(cancelled.id()).orElseThrow().sessions().get(0).taken()).isZero();
    }

    @Test
    void registrationsRacingTheCancellationOfTheirActivityAreCancelledOrRefused() throws Exception {
        Activity activity = open(10, 10);
        int threads = Math.max(2, threads());
        int attemptsPerThread = 10;
        ExecutorService executor = Executors.newFixedThreadPool(threads + 1);
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Registration> cancelled;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < attemptsPerThread; i++) {
                        String outcome;
                        try {
                            SessionId s = activity.sessions().get(i % 2).id();
                            outcome = register(activity, s, "racer-" + thread + "-" + i, 1, 50).status().name();
                        } catch (GcamException e) {
                            outcome = e.code();
                        }
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            Future<List<Registration>> cancelling = executor.submit(() -> {
                start.await();
                Thread.sleep(1);
                return store.cancelActivity(activity.id(), ActivityStatus.OPEN, at());
            });
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
            cancelled = cancelling.get(2, TimeUnit.MINUTES);
        } finally {
            executor.shutdownNow();
        }
        assertThat(outcomes.keySet()).isSubsetOf("CONFIRMED", "WAITLISTED", "REGISTRATION_CLOSED");
        int stored = outcomes.getOrDefault("CONFIRMED", new AtomicInteger()).get()
                + outcomes.getOrDefault("WAITLISTED", new AtomicInteger()).get();
        assertThat(cancelled).as("every registration that was stored is cancelled by the activity's cancellation")
                .hasSize(stored);
        RegistrationCounts counts = store.counts(activity.id(), null);
        assertThat(counts).isEqualTo(new RegistrationCounts(0, 0, stored));
        assertThat(store.findActivity(activity.id()).orElseThrow().sessions())
                .allSatisfy(session -> assertThat(session.taken() + session.waitlisted()).isZero());
    }

    // ------------------------------------------------------------------ views

    @Test
    void listsRegistrationsInOrderWithFiltersAndPagesAndCountsThem() {
        Activity activity = open(2, 2);
        SessionId s1 = activity.sessions().get(0).id();
        SessionId s2 = activity.sessions().get(1).id();
        List<Registration> all = new ArrayList<>();
        for (String applicant : List.of("a", "b", "c", "d")) {
            all.add(register(activity, s1, applicant, 1, 5));
        }
        all.add(register(activity, s2, "e", 1, 5));
        store.cancel(all.get(0).id(), at(), numberSupplier());

        Page<Registration> page = store.registrations(RegistrationQuery.of(activity.id()), PageRequest.of(1, 2));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(Registration::applicantId).containsExactly(agency + "-c", agency + "-d");
        assertThat(store.registrations(RegistrationQuery.of(activity.id()).session(s1)
                .status(RegistrationStatus.WAITLISTED), PageRequest.first()).items())
                .extracting(Registration::applicantId, Registration::waitlistPosition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(agency + "-d", 1));
        assertThat(store.registrations(RegistrationQuery.of(activity.id()).applicant(agency + "-e"), PageRequest.first())
                .items()).extracting(Registration::sessionId).containsExactly(s2);
        assertThat(store.counts(activity.id(), null)).isEqualTo(new RegistrationCounts(3, 1, 1));
        assertThat(store.counts(activity.id(), s2)).isEqualTo(new RegistrationCounts(1, 0, 0));
        assertThat(store.registrationsOf(agency + "-e", PageRequest.first()).items()).hasSize(1);
    }

    @Test
    void listsAnApplicantsRegistrationsNewestFirst() {
        Activity one = open(5);
        Activity two = open(5);
        Registration older = register(one, one.sessions().get(0).id(), "a", 1, 0);
        Registration newer = register(two, two.sessions().get(0).id(), "a", 1, 0);
        assertThat(store.registrationsOf(agency + "-a", PageRequest.first()).items()).extracting(Registration::id)
                .containsExactly(newer.id(), older.id());
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void racingThreadsNeverOverbookAndNeverRegisterAnApplicantTwice() throws Exception {
        Activity activity = open(20);
        SessionId s = activity.sessions().get(0).id();
        int threads = Math.max(2, threads());
        int attemptsPerThread = 15;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < attemptsPerThread; i++) {
                        String outcome;
                        try {
                            // Applicants 0..29: every one of them is tried by every thread.
                            outcome = register(activity, s, "racer-" + (i * 2 % 30), 1, 10).status().name();
                        } catch (GcamException e) {
                            outcome = e.code();
                        }
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(outcomes.keySet()).isSubsetOf("CONFIRMED", "WAITLISTED", "REGISTRATION_FULL", "ALREADY_REGISTERED");
        RegistrationCounts counts = store.counts(activity.id(), null);
        assertThat(counts.confirmed()).isLessThanOrEqualTo(20);
        assertThat(counts.confirmed() + counts.waitlisted()).isEqualTo(15);
        assertThat(outcomes.get("CONFIRMED")).hasValue((int) counts.confirmed());
        Session session = store.findActivity(activity.id()).orElseThrow().sessions().get(0);
        assertThat(session.taken()).isEqualTo(counts.confirmed());
        List<Registration> rows = store.registrations(RegistrationQuery.of(activity.id()), PageRequest.of(0, 200)).items();
        assertThat(rows).extracting(Registration::applicantId).doesNotHaveDuplicates();
    }

    // ------------------------------------------------------------------ helpers

    private Activity open(int... capacities) {
        Activity activity = activity(ActivityStatus.OPEN, capacities);
        store.insertActivity(activity);
        return activity;
    }

    private Activity activity(ActivityStatus status, int... capacities) {
        ActivityId id = new ActivityId(UUID.randomUUID().toString());
        List<Session> sessions = new ArrayList<>();
        ActivityDefinition.Builder builder = ActivityDefinition.builder()
                .agency(agency)
                .title(LocalizedText.of("Exam", "考試", "Exame"))
                .description(LocalizedText.english("Written exam"))
                .category(ActivityCategory.COURSE)
                .registrationWindow(T0, T0.plus(Duration.ofDays(5)))
                .cancellationDeadline(T0.plus(Duration.ofDays(6)))
                .maxSessionsPerApplicant(capacities.length)
                .waitlist(7)
                .requiredDocumentType("ID_CARD")
                .eligibility(EligibilityCriteria.builder().age(18, 35, LocalDate.of(2026, 6, 30))
                        .residencyStatuses("PERMANENT", "NON_PERMANENT").minimumQualificationLevel(4).build());
        for (int i = 0; i < capacities.length; i++) {
            Instant start = T0.plus(Duration.ofDays(10 + i));
            SessionDefinition definition = new SessionDefinition(LocalizedText.of("Room " + i, "課室 " + i, null), start,
                    start.plus(Duration.ofHours(2)), capacities[i]);
            builder.session(definition);
            sessions.add(new Session(new SessionId(UUID.randomUUID().toString()), id, definition, 0, 0));
        }
        return new Activity(id, status, builder.build(), sessions, at());
    }

    private Registration register(Activity activity, SessionId session, String applicant, int max, int waitlist) {
        return store.register(new SeatRequest(new RegistrationId(UUID.randomUUID().toString()), activity.id(), session,
                agency + "-" + applicant, at(), max, waitlist), numberSupplier());
    }

    private Supplier<String> numberSupplier() {
        return () -> agency + "-" + numbers.incrementAndGet();
    }

    /** A strictly increasing instant, so registration order is well defined. */
    private Instant at() {
        return T0.plusSeconds(clock.incrementAndGet());
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
