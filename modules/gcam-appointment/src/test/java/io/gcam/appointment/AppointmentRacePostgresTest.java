package io.gcam.appointment;

import static io.gcam.appointment.Fixture.applicant;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.GcamException;
import io.gcam.testsupport.db.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * Two application instances (two connection pools, two services) race 100 threads each against one
 * PostgreSQL database; afterwards the rows are counted.
 */
class AppointmentRacePostgresTest {

    private static final int THREADS_PER_INSTANCE = 100;
    private static final int SLOTS = 10;
    private static final int CAPACITY = 2;

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @RepeatedTest(5)
    void twoHundredApplicantsBookingTenSlotsOfTwoGetExactlyTwentyConfirmed() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        Fixture first = new Fixture(pool(db));
        Fixture second = new Fixture(pool(db), false);
        BookableService service = first.bookable(first.servicePoint(Fixture.MACAU, Fixture.officeHours()), CAPACITY,
                Duration.ofMinutes(30));
        List<Instant> slots = slots(first, service);

        Map<String, AtomicInteger> outcomes = race(2 * THREADS_PER_INSTANCE, i -> {
            Fixture instance = i % 2 == 0 ? first : second;
            Reservation r = instance.service.reserve(applicant(i), service.id(), slots.get(i % SLOTS));
            return instance.service.confirm(applicant(i), r.appointment().id(), null).status().name();
        });

        assertThat(outcomes.keySet()).isSubsetOf("CONFIRMED", "SLOT_FULL");
        assertThat(outcomes.get("CONFIRMED")).hasValue(SLOTS * CAPACITY);
        assertThat(outcomes.get("SLOT_FULL")).hasValue(2 * THREADS_PER_INSTANCE - SLOTS * CAPACITY);
        try (Connection c = pools.get(0).getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_appt_appointment WHERE status = 'CONFIRMED'"))
                    .isEqualTo(SLOTS * CAPACITY);
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_appt_appointment")).isEqualTo(SLOTS * CAPACITY);
            assertThat(count(c, "SELECT COUNT(*) FROM (SELECT starts_at FROM gcam_appt_appointment"
                    + " GROUP BY starts_at HAVING COUNT(*) > " + CAPACITY + ") over")).isZero();
            assertThat(count(c, "SELECT COUNT(DISTINCT starts_at) FROM gcam_appt_appointment")).isEqualTo(SLOTS);
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_appt_slot WHERE taken = " + CAPACITY)).isEqualTo(SLOTS);
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_appt_slot s WHERE taken <> (SELECT COUNT(*)"
                    + " FROM gcam_appt_appointment a WHERE a.service_id = s.service_id AND a.starts_at = s.starts_at)"))
                    .isZero();
        }
        assertThat(first.service.availability(applicant(999), service.id(), day(first), day(first)))
                .filteredOn(slot -> slots.contains(slot.start())).allMatch(slot -> slot.free() == 0);
        assertThat(first.audit.verify().ok()).isTrue();
        assertThat(first.audit.head().index()).isEqualTo(2 + 2 * SLOTS * CAPACITY);
    }

    @RepeatedTest(3)
    void holdsThatLapseFreeTheirPlacesForARaceOfNewcomers() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        Fixture first = new Fixture(pool(db));
        Fixture second = new Fixture(pool(db), false);
        BookableService service = first.bookable(first.servicePoint(Fixture.MACAU, Fixture.officeHours()), CAPACITY,
                Duration.ofMinutes(30));
        LocalDate tomorrow = day(first).plusDays(1);
        List<Instant> slots = slots(first, service, tomorrow);
        for (int i = 0; i < SLOTS * CAPACITY; i++) {
            first.service.reserve(applicant(1000 + i), service.id(), slots.get(i % SLOTS));
        }
        assertThat(first.service.availability(applicant(1), service.id(), tomorrow, tomorrow))
                .filteredOn(slot -> slots.contains(slot.start())).allMatch(slot -> slot.free() == 0);

        first.clock.advance(Duration.ofMinutes(10));
        second.clock.set(first.clock.instant());

        // Newcomers race; the old holders also try again, through the other instance.
        Map<String, AtomicInteger> outcomes = race(2 * THREADS_PER_INSTANCE, i -> {
            Fixture instance = i % 2 == 0 ? first : second;
            int who = i < SLOTS * CAPACITY ? 1000 + i : i;
            Reservation r = instance.service.reserve(applicant(who), service.id(), slots.get((i * 7) % SLOTS));
            return instance.service.confirm(applicant(who), r.appointment().id(), null).status().name();
        });

        assertThat(outcomes.keySet()).isSubsetOf("CONFIRMED", "SLOT_FULL");
        assertThat(outcomes.get("CONFIRMED")).hasValue(SLOTS * CAPACITY);
        try (Connection c = pools.get(0).getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_appt_appointment WHERE status = 'CONFIRMED'"))
                    .isEqualTo(SLOTS * CAPACITY);
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_appt_appointment WHERE status = 'EXPIRED'"))
                    .isEqualTo(SLOTS * CAPACITY);
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_appt_appointment WHERE status = 'HELD'")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM (SELECT starts_at FROM gcam_appt_appointment"
                    + " WHERE status = 'CONFIRMED' GROUP BY starts_at HAVING COUNT(*) > " + CAPACITY + ") over")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_appt_slot WHERE taken = " + CAPACITY)).isEqualTo(SLOTS);
            assertThat(count(c, "SELECT COUNT(*) FROM (SELECT applicant_id FROM gcam_appt_appointment"
                    + " WHERE active_flag = 'Y' GROUP BY applicant_id HAVING COUNT(*) > 1) twice")).isZero();
        }
        assertThat(first.audit.verify().ok()).isTrue();
    }

    @RepeatedTest(3)
    void anApplicantRacingThroughBothInstancesGetsOneAppointmentPerService() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        Fixture first = new Fixture(pool(db));
        Fixture second = new Fixture(pool(db), false);
        BookableService service = first.bookable(first.servicePoint(Fixture.MACAU, Fixture.officeHours()), 50,
                Duration.ofMinutes(30));
        List<Instant> slots = slots(first, service);

        Map<String, AtomicInteger> outcomes = race(2 * THREADS_PER_INSTANCE, i -> {
            Fixture instance = i % 2 == 0 ? first : second;
            return instance.service.reserve(applicant(i / 4), service.id(), slots.get(i % SLOTS)).appointment()
                    .status().name();
        });

        assertThat(outcomes.keySet()).isSubsetOf("HELD", "ALREADY_BOOKED");
        assertThat(outcomes.get("HELD")).hasValue(2 * THREADS_PER_INSTANCE / 4);
        try (Connection c = pools.get(0).getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM gcam_appt_appointment")).isEqualTo(2 * THREADS_PER_INSTANCE / 4);
            assertThat(count(c, "SELECT SUM(taken) FROM gcam_appt_slot")).isEqualTo(2 * THREADS_PER_INSTANCE / 4);
        }
    }

    private static List<Instant> slots(Fixture f, BookableService service) {
        return slots(f, service, day(f));
    }

    private static List<Instant> slots(Fixture f, BookableService service, LocalDate day) {
        List<Instant> slots = f.service.availability(applicant(0), service.id(), day, day).stream()
                .map(Slot::start).limit(SLOTS).toList();
        assertThat(slots).hasSize(SLOTS);
        return slots;
    }

    private static LocalDate day(Fixture f) {
        return LocalDate.ofInstant(f.clock.instant(), Fixture.MACAU);
    }

    @FunctionalInterface
    private interface Attempt {
        String run(int index);
    }

    /** Runs {@code n} attempts on {@code n} threads released at once; counts outcomes by status or code. */
    private static Map<String, AtomicInteger> race(int n, Attempt attempt) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(threads.submit(() -> {
                ready.countDown();
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
