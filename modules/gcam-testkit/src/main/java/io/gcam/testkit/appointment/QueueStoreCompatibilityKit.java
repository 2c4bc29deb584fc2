package io.gcam.testkit.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.appointment.AppointmentId;
import io.gcam.appointment.BookableServiceId;
import io.gcam.appointment.ServicePointId;
import io.gcam.appointment.Ticket;
import io.gcam.appointment.TicketId;
import io.gcam.appointment.TicketKind;
import io.gcam.appointment.TicketStatus;
import io.gcam.appointment.spi.QueueStore;
import io.gcam.appointment.spi.TicketRequest;
import io.gcam.core.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link QueueStore}, as tests. Extend it and implement {@link #createStore()}.
 * Every test uses service points of its own, so the store may be shared between tests.
 */
public abstract class QueueStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private QueueStore store;
    private ServicePointId point;
    private BookableServiceId service;

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected QueueStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store, possibly on a backend shared with other tests
     */
    protected abstract QueueStore createStore();

    /**
     * The number of threads the concurrency tests race. Default 8.
     *
     * @return at least 2
     */
    protected int threads() {
        return 8;
    }

    @BeforeEach
    final void createStoreUnderTest() {
        store = createStore();
        point = new ServicePointId(UUID.randomUUID().toString());
        service = new BookableServiceId(UUID.randomUUID().toString());
    }

    @Test
    void numbersTicketsPerPrefixAndDayFromOne() {
        Ticket a1 = store.issue(request("A", DAY, null, T0));
        Ticket a2 = store.issue(request("A", DAY, null, T0.plusSeconds(1)));
        Ticket b1 = store.issue(request("B", DAY, null, T0.plusSeconds(2)));
        Ticket nextDay = store.issue(request("A", DAY.plusDays(1), null, T0.plusSeconds(86_400)));
        Ticket elsewhere = new QueueStoreCompatibilityKit.Other(store).issueElsewhere(service, DAY);

        assertThat(List.of(a1.number(), a2.number(), b1.number(), nextDay.number(), elsewhere.number()))
                .containsExactly("A001", "A002", "B001", "A001", "A001");
        assertThat(a1.status()).isEqualTo(TicketStatus.WAITING);
        assertThat(store.findTicket(a2.id())).contains(a2);
        assertThat(store.tickets(point, DAY)).containsExactly(a1, a2, b1);
        assertThat(store.tickets(point, DAY.plusDays(1))).containsExactly(nextDay);
        assertThat(store.findTicket(new TicketId(UUID.randomUUID().toString()))).isEmpty();
    }

    @Test
    void givesAnAppointmentOneTicketOnly() {
        AppointmentId appointment = new AppointmentId(UUID.randomUUID().toString());
        Ticket booked = store.issue(request("B", DAY, appointment, T0));

        assertThat(booked.kind()).isEqualTo(TicketKind.BOOKED);
        assertThat(booked.appointmentId()).isEqualTo(appointment);
        assertThat(booked.scheduledAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(store.findByAppointment(appointment)).contains(booked);
        assertThatThrownBy(() -> store.issue(request("B", DAY, appointment, T0.plusSeconds(5))))
                .isInstanceOf(ConflictException.class);
        assertThat(store.tickets(point, DAY)).containsExactly(booked);
    }

    @Test
    void changesStatusOnlyFromTheExpectedOneAndRecordsCounterAndTimes() {
        Ticket t = store.issue(request("A", DAY, null, T0));

        assertThat(store.change(t.id(), TicketStatus.CALLED, TicketStatus.SERVED, null, T0)).isEmpty();
        Ticket called = store.change(t.id(), TicketStatus.WAITING, TicketStatus.CALLED, "3", T0.plusSeconds(60))
                .orElseThrow();
        assertThat(called.counter()).isEqualTo("3");
        assertThat(called.calledAt()).isEqualTo(T0.plusSeconds(60));
        Ticket recalled = store.change(t.id(), TicketStatus.CALLED, TicketStatus.CALLED, "4", T0.plusSeconds(90))
                .orElseThrow();
        assertThat(recalled.counter()).isEqualTo("4");
        assertThat(recalled.calledAt()).isEqualTo(T0.plusSeconds(90));
        Ticket served = store.change(t.id(), TicketStatus.CALLED, TicketStatus.SERVED, null, T0.plusSeconds(390))
                .orElseThrow();
        assertThat(served.status()).isEqualTo(TicketStatus.SERVED);
        assertThat(served.counter()).isEqualTo("4");
        assertThat(served.finishedAt()).isEqualTo(T0.plusSeconds(390));
        assertThat(store.recentServiceTimes(service, 10)).containsExactly(Duration.ofSeconds(300));
    }

    @Test
    void reportsTheMostRecentServiceTimesFirst() {
        for (int i = 1; i <= 3; i++) {
            Ticket t = store.issue(request("A", DAY, null, T0.plusSeconds(i)));
            Instant called = T0.plusSeconds(1000L * i);
            store.change(t.id(), TicketStatus.WAITING, TicketStatus.CALLED, "1", called);
            store.change(t.id(), TicketStatus.CALLED, TicketStatus.SERVED, null, called.plusSeconds(60L * i));
        }
        store.change(store.issue(request("A", DAY, null, T0)).id(), TicketStatus.WAITING, TicketStatus.CALLED, "2", T0);

        assertThat(store.recentServiceTimes(service, 2)).containsExactly(Duration.ofMinutes(3), Duration.ofMinutes(2));
        assertThat(store.recentServiceTimes(new BookableServiceId(UUID.randomUUID().toString()), 5)).isEmpty();
    }

    @Test
    void concurrentIssuesGetDistinctNumbersAndOneCounterWinsEachTicket() throws Exception {
        int n = Math.max(2, threads());
        List<Ticket> issued = race(n, i -> store.issue(request("A", DAY, null, T0.plusSeconds(i))));
        Set<String> numbers = new HashSet<>();
        issued.forEach(t -> numbers.add(t.number()));
        assertThat(numbers).hasSize(n);

        Ticket target = issued.get(0);
        List<Boolean> wins = race(n, i -> store.change(target.id(), TicketStatus.WAITING, TicketStatus.CALLED,
                String.valueOf(i), T0).isPresent());
        assertThat(wins).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(int i) throws Exception;
    }

    private static <T> List<T> race(int n, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CyclicBarrier start = new CyclicBarrier(n);
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await(1, TimeUnit.MINUTES);
                    return work.run(index);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private TicketRequest request(String prefix, LocalDate day, @Nullable AppointmentId appointment, Instant at) {
        return new TicketRequest(new TicketId(UUID.randomUUID().toString()), point, service, day, prefix,
                appointment == null ? TicketKind.WALK_IN : TicketKind.BOOKED, appointment,
                appointment == null ? null : T0.plusSeconds(3600), at);
    }

    /** Issues at another service point. */
    private record Other(QueueStore store) {
        Ticket issueElsewhere(BookableServiceId service, LocalDate day) {
            return store.issue(new TicketRequest(new TicketId(UUID.randomUUID().toString()),
                    new ServicePointId(UUID.randomUUID().toString()), service, day, "A", TicketKind.WALK_IN, null, null,
                    T0));
        }
    }
}
