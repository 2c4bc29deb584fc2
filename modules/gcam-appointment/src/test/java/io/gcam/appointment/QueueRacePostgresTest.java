package io.gcam.appointment;

import static io.gcam.appointment.Fixture.COUNTER;
import static io.gcam.appointment.Fixture.KIOSK;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.testsupport.db.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/** Kiosks and counters of two application instances race on one PostgreSQL queue. */
class QueueRacePostgresTest {

    private static final int TICKETS = 120;

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @RepeatedTest(3)
    void ticketNumbersAreUniqueAndEveryTicketIsCalledToExactlyOneCounter() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        Fixture first = new Fixture(pool(db));
        Fixture second = new Fixture(pool(db), false);
        BookableService service = first.bookable(
                first.servicePoint(Fixture.MACAU, Fixture.officeHours(), "1", "2", "3", "4", "5", "6", "7", "8"), 2,
                Duration.ofMinutes(15));
        first.clock.set(Fixture.macau(2026, 3, 2, 9, 0));
        second.clock.set(first.clock.instant());
        ServicePointId point = service.servicePointId();

        ExecutorService threads = Executors.newFixedThreadPool(TICKETS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Ticket>> issued = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            Fixture instance = i % 2 == 0 ? first : second;
            issued.add(threads.submit(() -> {
                go.await();
                return instance.queue.takeTicket(KIOSK, service.id());
            }));
        }
        go.countDown();
        List<String> numbers = new ArrayList<>();
        for (Future<Ticket> t : issued) {
            numbers.add(t.get(2, TimeUnit.MINUTES).number());
        }
        assertThat(numbers).doesNotHaveDuplicates().hasSize(TICKETS).allMatch(n -> n.matches("A\\d{3}"));
        assertThat(numbers.stream().map(n -> Integer.parseInt(n.substring(1))).sorted().toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, TICKETS).boxed().toList());

        // Eight counters, four on each instance, call until the queue is empty.
        ConcurrentLinkedQueue<String> called = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> counters = new ArrayList<>();
        for (int c = 1; c <= 8; c++) {
            String counter = String.valueOf(c);
            Fixture instance = c % 2 == 0 ? first : second;
            counters.add(threads.submit(() -> {
                start.await();
                while (true) {
                    var next = instance.queue.callNext(COUNTER, point, counter, Set.of());
                    if (next.isEmpty()) {
                        return null;
                    }
                    called.add(next.get().number());
                }
            }));
        }
        start.countDown();
        for (Future<?> f : counters) {
            f.get(5, TimeUnit.MINUTES);
        }
        threads.shutdown();

        assertThat(called).hasSize(TICKETS).doesNotHaveDuplicates();
        try (Connection c = pools.get(0).getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT ticket_number),"
                        + " SUM(CASE WHEN status = 'CALLED' AND counter_name IS NOT NULL THEN 1 ELSE 0 END)"
                        + " FROM gcam_appt_ticket")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(TICKETS);
            assertThat(rs.getLong(2)).isEqualTo(TICKETS);
            assertThat(rs.getLong(3)).isEqualTo(TICKETS);
        }
        assertThat(first.audit.verify().ok()).isTrue();
    }

    private HikariDataSource pool(TestDatabases.TestDatabase db) {
        HikariDataSource pool = db.newPool(40);
        pools.add(pool);
        return pool;
    }
}
