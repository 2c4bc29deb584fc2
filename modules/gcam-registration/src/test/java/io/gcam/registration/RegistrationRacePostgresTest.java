package io.gcam.registration;

import static io.gcam.registration.Fixture.OFFICER;
import static io.gcam.registration.Fixture.applicant;
import static io.gcam.registration.Fixture.exam;
import static io.gcam.registration.Fixture.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.testsupport.db.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two application instances (two connection pools, two services) race many threads against one
 * PostgreSQL database; afterwards the rows are counted.
 */
class RegistrationRacePostgresTest {

    private static final int THREADS_PER_INSTANCE = 100;
    private static final int CAPACITY = 50;
    private static final int WAITLIST = 60;

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @RepeatedTest(20)
    void twoHundredRegistrationsWithDuplicatesNeverOverbookFiftySeats() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        Fixture first = new Fixture(pool(db));
        Fixture second = new Fixture(pool(db), false);
        Activity a = first.openActivity(exam().session(session("Hall", CAPACITY, 0)).waitlist(WAITLIST).build());
        second.clock.set(first.clock.instant());
        SessionId s = a.sessions().get(0).id();

        // 150 distinct applicants; applicants 0..49 try twice, once through each instance.
        List<Actor> attempts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            attempts.add(applicant(i));
        }
        for (int i = 0; i < 50; i++) {
            attempts.add(applicant(i));
        }
        Map<String, AtomicInteger> outcomes = race(attempts.size(), i -> {
            RegistrationService service = (i % 2 == 0 ? first : second).service;
            return service.register(attempts.get(i), s).status().name();
        });

        assertThat(outcomes.keySet()).isSubsetOf("CONFIRMED", "WAITLISTED", "REGISTRATION_FULL", "ALREADY_REGISTERED");
        assertThat(outcomes.get("CONFIRMED")).hasValue(CAPACITY);
        assertThat(outcomes.get("WAITLISTED")).hasValue(WAITLIST);
        try (Connection c = pools.get(0).getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_reg_registration WHERE status = 'CONFIRMED'")).isEqualTo(CAPACITY);
            assertThat(count(c, "SELECT taken FROM gcam_reg_session")).isEqualTo(CAPACITY);
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_reg_registration WHERE status = 'WAITLISTED'")).isEqualTo(WAITLIST);
            assertThat(count(c, "SELECT waitlisted FROM gcam_reg_session")).isEqualTo(WAITLIST);
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_reg_registration")).isEqualTo(CAPACITY + WAITLIST);
            assertThat(count(c, "SELECT COUNT(DISTINCT applicant_id) FROM gcam_reg_registration")).isEqualTo(CAPACITY + WAITLIST);
            assertThat(count(c, "SELECT COUNT(DISTINCT candidate_number) FROM gcam_reg_registration")).isEqualTo(CAPACITY);
            assertThat(count(c, "SELECT COUNT(DISTINCT waitlist_seq) FROM gcam_reg_registration WHERE status = 'WAITLISTED'"))
                    .isEqualTo(WAITLIST);
        }
        assertThat(first.audit.verify().ok()).isTrue();
        assertThat(first.audit.head().index()).isEqualTo(2 + CAPACITY + WAITLIST);
    }

    @org.junit.jupiter.api.Test
    void aCallersOuterTransactionHoldingTheSessionNeverDeadlocksWithTheSessionsTurn() throws Exception {
        // Thread 1 registers twice for one session inside its own outer transaction. Between the two,
        // thread 2 takes the session's turn and then waits in the database for the row thread 1 holds.
        // Thread 1's second registration must not wait for that turn for ever.
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        Fixture fixture = new Fixture(pool(db));
        Activity a = fixture.openActivity(exam().session(session("Hall", 10, 0)).build());
        SessionId s = a.sessions().get(0).id();
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<List<RegistrationStatus>> outer = executor.submit(() -> fixture.tx.inTransaction(() -> {
                RegistrationStatus one = fixture.service.register(applicant(1), s).status();
                firstHeld.countDown();
                await(secondStarted);
                sleepQuietly(300); // thread 2 now holds the turn and waits for the session's row
                RegistrationStatus two = fixture.service.register(applicant(2), s).status();
                return List.of(one, two);
            }));
            Future<RegistrationStatus> other = executor.submit(() -> {
                await(firstHeld);
                secondStarted.countDown();
                return fixture.service.register(applicant(3), s).status();
            });

            // guards against a hang, not a speed test
            assertThat(outer.get(2, TimeUnit.MINUTES)).containsExactly(RegistrationStatus.CONFIRMED,
                    RegistrationStatus.CONFIRMED);
            assertThat(other.get(2, TimeUnit.MINUTES)).isEqualTo(RegistrationStatus.CONFIRMED);
        } finally {
            executor.shutdownNow();
        }
        try (Connection c = pools.get(0).getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_reg_registration WHERE status = 'CONFIRMED'")).isEqualTo(3);
            assertThat(count(c, "SELECT taken FROM gcam_reg_session")).isEqualTo(3);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the other thread never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @RepeatedTest(20)
    void cancellationsMovesAndRegistrationsRacingNeverLeaveAFreeSeatWhileSomeoneWaits() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        Fixture first = new Fixture(pool(db));
        Fixture second = new Fixture(pool(db), false);
        Activity a = first.openActivity(exam().session(session("Hall", 30, 0)).session(session("Annex", 10, 1))
                .waitlist(100).build());
        second.clock.set(first.clock.instant());
        SessionId hall = a.sessions().get(0).id();
        SessionId annex = a.sessions().get(1).id();
        List<Registration> hallConfirmed = new ArrayList<>();
        List<Registration> hallWaiting = new ArrayList<>();
        List<Registration> annexConfirmed = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            Registration r = first.service.register(applicant(i), hall);
            (r.status() == RegistrationStatus.CONFIRMED ? hallConfirmed : hallWaiting).add(r);
        }
        for (int i = 70; i < 75; i++) {
            annexConfirmed.add(first.service.register(applicant(i), annex));
        }

        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Registration r = hallConfirmed.get(i);
            tasks.add(service -> service.cancel(Actor.applicant(r.applicantId()), r.id()).promotedRegistration()
                    .map(p -> "CANCELLED_PROMOTED").orElse("CANCELLED"));
        }
        for (int i = 20; i < 30; i++) {
            Registration r = hallConfirmed.get(i);
            tasks.add(service -> service.changeSession(Actor.applicant(r.applicantId()), r.id(), annex).registration()
                    .status().name());
        }
        for (int i = 0; i < 20; i++) {
            Registration r = hallWaiting.get(i);
            tasks.add(service -> service.cancel(OFFICER, r.id()).registration().status().name());
        }
        for (Registration r : annexConfirmed) {
            tasks.add(service -> service.changeSession(Actor.applicant(r.applicantId()), r.id(), hall).registration()
                    .status().name());
        }
        for (int i = 100; i < 160; i++) {
            Actor newcomer = applicant(i);
            tasks.add(service -> service.register(newcomer, hall).status().name());
        }
        Map<String, AtomicInteger> outcomes = race(tasks.size(),
                i -> tasks.get(i).run((i % 2 == 0 ? first : second).service));

        assertThat(outcomes.keySet()).isSubsetOf("CANCELLED", "CANCELLED_PROMOTED", "CONFIRMED", "WAITLISTED",
                "REGISTRATION_FULL", "REGISTRATION_NOT_ACTIVE");
        try (Connection c = pools.get(0).getConnection()) {
            for (SessionId s : List.of(hall, annex)) {
                String id = "'" + s.value() + "'";
                long capacity = count(c, "SELECT capacity FROM gcam_reg_session WHERE id = " + id);
                long taken = count(c, "SELECT taken FROM gcam_reg_session WHERE id = " + id);
                long confirmed = count(c, "SELECT COUNT(*) FROM gcam_reg_registration WHERE status = 'CONFIRMED'"
                        + " AND session_id = " + id);
                long waiting = count(c, "SELECT COUNT(*) FROM gcam_reg_registration WHERE status = 'WAITLISTED'"
                        + " AND session_id = " + id);
                assertThat(taken).as("taken of %s", s).isEqualTo(confirmed).isLessThanOrEqualTo(capacity);
                assertThat(count(c, "SELECT waitlisted FROM gcam_reg_session WHERE id = " + id)).isEqualTo(waiting);
                if (waiting > 0) {
                    assertThat(confirmed).as("a seat of %s is free while %d wait", s, waiting).isEqualTo(capacity);
                }
            }
            assertThat(count(c, "SELECT COUNT(*) FROM (SELECT applicant_id FROM gcam_reg_registration"
                    + " WHERE status <> 'CANCELLED' GROUP BY applicant_id HAVING COUNT(*) > 1) d")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_reg_registration WHERE candidate_number IS NOT NULL"))
                    .isEqualTo(count(c, "SELECT COUNT(DISTINCT candidate_number) FROM gcam_reg_registration"));
            // Every confirmed registration has a number, and nobody waiting has one unless confirmed before.
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_reg_registration WHERE status = 'CONFIRMED'"
                    + " AND candidate_number IS NULL")).isZero();
        }
        assertThat(first.audit.verify().ok()).isTrue();
    }

    @RepeatedTest(5)
    void registrationsCancellationsAndMovesRacingTheActivitysCancellationLeaveNoActiveRegistration() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        Fixture first = new Fixture(pool(db));
        Fixture second = new Fixture(pool(db), false);
        Activity a = first.openActivity(exam().session(session("Hall", 30, 0)).session(session("Annex", 10, 1))
                .waitlist(100).build());
        second.clock.set(first.clock.instant());
        SessionId hall = a.sessions().get(0).id();
        SessionId annex = a.sessions().get(1).id();
        List<Registration> existing = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            existing.add(first.service.register(applicant(i), hall));
        }
        first.events.clear();

        List<Task> tasks = new ArrayList<>();
        for (int i = 100; i < 200; i++) {
            Actor newcomer = applicant(i);
            SessionId target = i % 3 == 0 ? annex : hall;
            tasks.add(service -> service.register(newcomer, target).status().name());
        }
        for (int i = 0; i < 10; i++) {
            Registration r = existing.get(i);
            tasks.add(service -> service.cancel(OFFICER, r.id()).registration().status().name());
        }
        for (int i = 25; i < 40; i++) {
            Registration r = existing.get(i);
            tasks.add(service -> service.changeSession(OFFICER, r.id(), annex).registration().status().name());
        }
        tasks.add(tasks.size() / 2, service -> service.cancelActivity(Fixture.ADMIN, a.id(), "Venue flooded").status().name());
        Map<String, AtomicInteger> outcomes = race(tasks.size(),
                i -> tasks.get(i).run((i % 2 == 0 ? first : second).service));

        assertThat(outcomes.keySet()).isSubsetOf("CANCELLED", "CONFIRMED", "WAITLISTED", "REGISTRATION_CLOSED",
                "REGISTRATION_FULL", "REGISTRATION_NOT_ACTIVE");
        try (Connection c = pools.get(0).getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_reg_registration WHERE status <> 'CANCELLED'"
                    + " OR active_flag IS NOT NULL OR cancelled_at IS NULL")).isZero();
            assertThat(count(c, "SELECT SUM(taken) + SUM(waitlisted) FROM gcam_reg_session")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_reg_activity WHERE status = 'CANCELLED'")).isEqualTo(1);
            long total = count(c, "SELECT COUNT(*) FROM gcam_reg_registration");
            List<DomainEvent> events = new ArrayList<>(first.events);
            events.addAll(second.events);
            long byActivity = events.stream().filter(e -> e.type().equals("registration.cancelled")
                    && "activity_cancelled".equals(e.payload().get("cause"))).count();
            long individually = events.stream().filter(e -> e.type().equals("registration.cancelled")
                    && !"activity_cancelled".equals(e.payload().get("cause"))).count();
            assertThat(byActivity + individually).as("one cancellation event per registration").isEqualTo(total);
            assertThat(events.stream().filter(e -> e.type().equals("registration.activity_cancelled")).toList())
                    .singleElement().satisfies(e -> assertThat(e.payload()).containsEntry("registrationsCancelled",
                            (int) byActivity));
            long audited = 0;
            for (long from = 1; ; from += 100) {
                List<io.gcam.core.AuditEntry> page = first.audit.entries(from, 100);
                audited += page.stream().filter(e -> e.action().equals("registration.cancelled")).count();
                if (page.size() < 100) {
                    break;
                }
            }
            assertThat(audited).as("one audit entry per cancelled registration").isEqualTo(total);
        }
        assertThat(first.audit.verify().ok()).isTrue();
    }

    @FunctionalInterface
    private interface Task {
        String run(RegistrationService service);
    }

    @FunctionalInterface
    private interface Attempt {
        String run(int index);
    }

    /** Runs {@code n} attempts on 2 x THREADS_PER_INSTANCE threads released at once; counts outcomes by status or code. */
    private static Map<String, AtomicInteger> race(int n, Attempt attempt) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(n, 2 * THREADS_PER_INSTANCE));
        CountDownLatch ready = new CountDownLatch(Math.min(n, 2 * THREADS_PER_INSTANCE));
        CountDownLatch go = new CountDownLatch(1);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(threads.submit(() -> {
                if (started.incrementAndGet() <= 2 * THREADS_PER_INSTANCE) {
                    ready.countDown();
                }
                go.await();
                String outcome;
                try {
                    outcome = attempt.run(index);
                } catch (GcamException e) {
                    outcome = e.code();
                }
                outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        ready.await(1, TimeUnit.MINUTES);
        go.countDown();
        threads.shutdown();
        for (Future<?> future : futures) {
            future.get(5, TimeUnit.MINUTES); // an unexpected exception fails the test here
        }
        return outcomes;
    }

    private DataSource pool(TestDatabases.TestDatabase db) {
        HikariDataSource pool = db.newPool(40);
        pools.add(pool);
        return pool;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
