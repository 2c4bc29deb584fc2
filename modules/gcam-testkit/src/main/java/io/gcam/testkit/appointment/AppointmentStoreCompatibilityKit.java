package io.gcam.testkit.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.appointment.Appointment;
import io.gcam.appointment.AppointmentException;
import io.gcam.appointment.AppointmentId;
import io.gcam.appointment.AppointmentStatus;
import io.gcam.appointment.BookableService;
import io.gcam.appointment.BookableServiceDefinition;
import io.gcam.appointment.BookableServiceId;
import io.gcam.appointment.ServicePoint;
import io.gcam.appointment.ServicePointDefinition;
import io.gcam.appointment.ServicePointId;
import io.gcam.appointment.WeeklyHours;
import io.gcam.appointment.spi.AppointmentStore;
import io.gcam.appointment.spi.Booking;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AppointmentStore}, as tests. Extend it and implement {@link #createStore()}:
 *
 * <pre>{@code
 * class MyAppointmentStoreTest extends AppointmentStoreCompatibilityKit {
 *     @Override
 *     protected AppointmentStore createStore() {
 *         return new MyAppointmentStore(dataSource);
 *     }
 * }
 * }</pre>
 *
 * <p>Every test creates service points of its own (random identifiers and agency), so the store may
 * be backed by a database shared between tests. The concurrency test races threads of this JVM; the
 * guarantees across application instances need a test against the real backend (see
 * gcam-appointment's PostgreSQL race test).
 */
public abstract class AppointmentStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant NINE = Instant.parse("2026-03-03T01:00:00Z");
    private static final Instant NINE_THIRTY = NINE.plus(Duration.ofMinutes(30));

    private AppointmentStore store;
    private String agency;
    private ServicePoint point;
    private BookableService service;

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected AppointmentStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store, possibly on a backend shared with other tests
     */
    protected abstract AppointmentStore createStore();

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
        agency = "A" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        point = servicePoint();
        store.insertServicePoint(point);
        service = service(point, "DOC");
        store.insertService(service);
    }

    // ------------------------------------------------------------------ service points and services

    @Test
    void storesServicePointsAndServicesAndReadsThemBack() {
        assertThat(store.findServicePoint(point.id())).contains(point);
        assertThat(store.servicePoints(agency)).containsExactly(point);
        assertThat(store.servicePoints(null)).contains(point);
        assertThat(store.servicePoints("NO-SUCH-AGENCY")).isEmpty();
        assertThat(store.findService(service.id())).contains(service);
        BookableService second = service(point, "INTERVIEW");
        store.insertService(second);
        assertThat(store.services(point.id())).containsExactly(service, second);
        assertThat(store.services(null)).contains(service, second);
        assertThat(store.findServicePoint(new ServicePointId(UUID.randomUUID().toString()))).isEmpty();
        assertThat(store.findService(new BookableServiceId(UUID.randomUUID().toString()))).isEmpty();
    }

    // ------------------------------------------------------------------ booking

    @Test
    void booksUpToTheCapacityOfASlotAndThenRefusesSlotFull() {
        Appointment a = store.book(booking("p1", NINE, AppointmentStatus.CONFIRMED, null), T0);
        store.book(booking("p2", NINE, AppointmentStatus.HELD, T0.plusSeconds(600)), T0);

        assertThat(store.findAppointment(a.id())).contains(a);
        assertThatThrownBy(() -> store.book(booking("p3", NINE, AppointmentStatus.CONFIRMED, null), T0))
                .isInstanceOf(AppointmentException.class).extracting(e -> ((GcamException) e).code())
                .isEqualTo("SLOT_FULL");
        assertThat(store.placesTaken(service.id(), NINE, NINE.plusSeconds(1), T0)).containsExactly(Map.entry(NINE, 2));
        assertThat(store.book(booking("p3", NINE_THIRTY, AppointmentStatus.CONFIRMED, null), T0).start())
                .isEqualTo(NINE_THIRTY);
        assertThat(store.placesTaken(service.id(), NINE, NINE.plus(Duration.ofHours(1)), T0))
                .containsOnly(Map.entry(NINE, 2), Map.entry(NINE_THIRTY, 1));
    }

    @Test
    void allowsOneActiveAppointmentPerApplicantAndServiceButAnyNumberOfWalkInsWithoutApplicant() {
        store.book(booking("p1", NINE, AppointmentStatus.HELD, T0.plusSeconds(600)), T0);

        assertThatThrownBy(() -> store.book(booking("p1", NINE_THIRTY, AppointmentStatus.CONFIRMED, null), T0))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("ALREADY_BOOKED");
        assertThat(store.placesTaken(service.id(), NINE_THIRTY, NINE_THIRTY.plusSeconds(1), T0)).isEmpty();
        BookableService other = service(point, "OTHER");
        store.insertService(other);
        store.book(new Booking(appointment(other, "p1", NINE, AppointmentStatus.CONFIRMED, null), 2), T0);
        store.book(booking(null, NINE_THIRTY, AppointmentStatus.CONFIRMED, null), T0);
        store.book(booking(null, NINE_THIRTY, AppointmentStatus.CONFIRMED, null), T0);
        assertThat(store.appointmentsOf(applicant("p1"))).hasSize(2);
    }

    @Test
    void aLapsedHoldNoLongerCountsAndIsExpiredWhenItStandsInTheWay() {
        Appointment held = store.book(booking("p1", NINE, AppointmentStatus.HELD, T0.plusSeconds(600)), T0);
        store.book(booking("p2", NINE, AppointmentStatus.CONFIRMED, null), T0);
        Instant later = T0.plusSeconds(600);

        assertThat(store.placesTaken(service.id(), NINE, NINE.plusSeconds(1), later)).containsExactly(Map.entry(NINE, 1));
        assertThat(store.transition(held.id(), AppointmentStatus.HELD, AppointmentStatus.CONFIRMED, later)).isEmpty();
        Appointment newcomer = store.book(booking("p3", NINE, AppointmentStatus.CONFIRMED, null), later);
        assertThat(newcomer.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(store.findAppointment(held.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.EXPIRED);
        // The applicant whose hold lapsed may book the service again.
        assertThat(store.book(booking("p1", NINE_THIRTY, AppointmentStatus.HELD, later.plusSeconds(600)), later)
                .status()).isEqualTo(AppointmentStatus.HELD);
    }

    @Test
    void changesStatusOnlyFromTheExpectedOneAndFreesThePlaceOnCancellation() {
        Appointment held = store.book(booking("p1", NINE, AppointmentStatus.HELD, T0.plusSeconds(600)), T0);
        Instant at = T0.plusSeconds(60);

        assertThat(store.transition(held.id(), AppointmentStatus.CONFIRMED, AppointmentStatus.CANCELLED, at)).isEmpty();
        Appointment confirmed = store.transition(held.id(), AppointmentStatus.HELD, AppointmentStatus.CONFIRMED, at)
                .orElseThrow();
        assertThat(confirmed.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(confirmed.holdExpiresAt()).isNull();
        assertThat(confirmed.sequence()).isEqualTo(held.sequence() + 1);
        assertThat(confirmed.updatedAt()).isEqualTo(at);
        Appointment cancelled = store.transition(held.id(), AppointmentStatus.CONFIRMED, AppointmentStatus.CANCELLED,
                at).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(store.placesTaken(service.id(), NINE, NINE.plusSeconds(1), at)).isEmpty();
        assertThat(store.transition(held.id(), AppointmentStatus.CONFIRMED, AppointmentStatus.CANCELLED, at)).isEmpty();
        // Its place can be booked twice again (capacity 2).
        store.book(booking("p2", NINE, AppointmentStatus.CONFIRMED, null), at);
        store.book(booking("p3", NINE, AppointmentStatus.CONFIRMED, null), at);
    }

    @Test
    void checkedInAndNoShowAppointmentsKeepTheirPlaceButAreNotActive() {
        Appointment a = store.book(booking("p1", NINE, AppointmentStatus.CONFIRMED, null), T0);
        store.transition(a.id(), AppointmentStatus.CONFIRMED, AppointmentStatus.CHECKED_IN, T0).orElseThrow();

        assertThat(store.placesTaken(service.id(), NINE, NINE.plusSeconds(1), T0)).containsExactly(Map.entry(NINE, 1));
        assertThat(store.book(booking("p1", NINE_THIRTY, AppointmentStatus.CONFIRMED, null), T0).status())
                .isEqualTo(AppointmentStatus.CONFIRMED);
    }

    @Test
    void movesToAnotherSlotTakingThePlaceThereAndFreeingTheOldOne() {
        Appointment a = store.book(booking("p1", NINE, AppointmentStatus.CONFIRMED, null), T0);
        store.book(booking("p2", NINE_THIRTY, AppointmentStatus.CONFIRMED, null), T0);
        store.book(booking("p3", NINE_THIRTY, AppointmentStatus.CONFIRMED, null), T0);
        Instant ten = NINE.plus(Duration.ofHours(1));

        assertThatThrownBy(() -> store.move(a.id(), NINE_THIRTY, NINE_THIRTY.plusSeconds(1800), 2, T0))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("SLOT_FULL");
        assertThat(store.findAppointment(a.id()).orElseThrow().start()).isEqualTo(NINE);

        Appointment moved = store.move(a.id(), ten, ten.plusSeconds(1800), 2, T0).orElseThrow();
        assertThat(moved.start()).isEqualTo(ten);
        assertThat(moved.end()).isEqualTo(ten.plusSeconds(1800));
        assertThat(moved.sequence()).isEqualTo(a.sequence() + 1);
        assertThat(store.placesTaken(service.id(), NINE, ten.plusSeconds(1), T0))
                .containsOnly(Map.entry(NINE_THIRTY, 2), Map.entry(ten, 1));
        store.transition(a.id(), AppointmentStatus.CONFIRMED, AppointmentStatus.CANCELLED, T0);
        assertThat(store.move(a.id(), NINE, NINE.plusSeconds(1800), 2, T0)).isEmpty();
    }

    @Test
    void expiresLapsedHoldsUpToTheLimitOldestFirst() {
        Appointment first = store.book(booking("p1", NINE, AppointmentStatus.HELD, T0.plusSeconds(60)), T0);
        Appointment second = store.book(booking("p2", NINE, AppointmentStatus.HELD, T0.plusSeconds(120)), T0);
        store.book(booking("p3", NINE_THIRTY, AppointmentStatus.HELD, T0.plusSeconds(900)), T0);

        List<Appointment> expired = store.expireHolds(T0.plusSeconds(300), 1);
        assertThat(expired).extracting(Appointment::id).containsExactly(first.id());
        assertThat(expired.get(0).status()).isEqualTo(AppointmentStatus.EXPIRED);
        assertThat(store.expireHolds(T0.plusSeconds(300), 10)).extracting(Appointment::id).containsExactly(second.id());
        assertThat(store.expireHolds(T0.plusSeconds(300), 10)).isEmpty();
        assertThat(store.placesTaken(service.id(), NINE, NINE.plusSeconds(3600), T0.plusSeconds(300)))
                .containsExactly(Map.entry(NINE_THIRTY, 1));
    }

    @Test
    void findsAppointmentsByManageCodeServiceAndApplicant() {
        Appointment a = store.book(booking("p1", NINE, AppointmentStatus.CONFIRMED, null), T0);
        Appointment b = store.book(booking("p2", NINE_THIRTY, AppointmentStatus.CONFIRMED, null), T0.plusSeconds(1));

        assertThat(store.findByManageCode(a.manageCodeDigest())).contains(a);
        assertThat(store.findByManageCode(digest())).isEmpty();
        assertThat(store.appointments(service.id(), NINE, NINE.plusSeconds(3600))).containsExactly(a, b);
        assertThat(store.appointments(service.id(), NINE_THIRTY, NINE.plusSeconds(3600))).containsExactly(b);
        assertThat(store.appointmentsOf(applicant("p2"))).containsExactly(b);
        assertThat(store.findAppointment(new AppointmentId(UUID.randomUUID().toString()))).isEmpty();
    }

    @Test
    void concurrentBookingsNeverExceedTheCapacity() throws Exception {
        int n = Math.max(2, threads());
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CyclicBarrier start = new CyclicBarrier(n);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String who = "racer-" + i;
                futures.add(pool.submit(() -> {
                    start.await(1, TimeUnit.MINUTES);
                    String outcome;
                    try {
                        store.book(booking(who, NINE, AppointmentStatus.CONFIRMED, null), T0);
                        outcome = "BOOKED";
                    } catch (GcamException e) {
                        outcome = e.code();
                    }
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes.get("BOOKED")).hasValue(2);
        assertThat(outcomes.get("SLOT_FULL")).hasValue(n - 2);
        assertThat(store.placesTaken(service.id(), NINE, NINE.plusSeconds(1), T0)).containsExactly(Map.entry(NINE, 2));
    }

    // ------------------------------------------------------------------ helpers

    private String applicant(String who) {
        return agency + "-" + who;
    }

    private Booking booking(@Nullable String who, Instant start, AppointmentStatus status, @Nullable Instant holdUntil) {
        return new Booking(appointment(service, who, start, status, holdUntil), 2);
    }

    private Appointment appointment(BookableService s, @Nullable String who, Instant start, AppointmentStatus status,
            @Nullable Instant holdUntil) {
        return new Appointment(new AppointmentId(UUID.randomUUID().toString()), s.id(), s.servicePointId(), agency,
                who == null ? null : applicant(who), start, start.plus(Duration.ofMinutes(30)), status, holdUntil,
                who == null, digest(), 0, T0, T0);
    }

    private static String digest() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private ServicePoint servicePoint() {
        ServicePointDefinition d = ServicePointDefinition.builder()
                .agency(agency)
                .name(LocalizedText.of("Civic Centre", "市民中心", "Centro Cívico"))
                .location(LocalizedText.of("Avenida 1", null, "Avenida 1"))
                .zone(ZoneId.of("Europe/Lisbon"))
                .hours(WeeklyHours.builder()
                        .open(LocalTime.of(9, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
                        .breakTime(LocalTime.of(13, 0), LocalTime.of(14, 0))
                        .open(LocalTime.of(10, 0), LocalTime.of(12, 0), DayOfWeek.SATURDAY)
                        .build())
                .closure(LocalDate.of(2026, 6, 1))
                .closure(LocalDate.of(2026, 4, 3))
                .counters("1", "2", "Window 3")
                .build();
        return new ServicePoint(new ServicePointId(UUID.randomUUID().toString()), d, T0);
    }

    private BookableService service(ServicePoint p, String code) {
        BookableServiceDefinition d = BookableServiceDefinition.builder()
                .servicePoint(p.id())
                .code(code)
                .name(LocalizedText.of("Document verification", "文件核對", "Verificação de documentos"))
                .slotLength(Duration.ofMinutes(30))
                .capacityPerSlot(2)
                .minimumNotice(Duration.ofHours(2))
                .maximumDaysAhead(45)
                .ticketPrefix("DV")
                .build();
        return new BookableService(new BookableServiceId(UUID.randomUUID().toString()), p.agency(), d,
                T0.plusSeconds(code.length()));
    }
}
