package io.gcam.appointment;

import static io.gcam.appointment.Fixture.ADMIN;
import static io.gcam.appointment.Fixture.COUNTER;
import static io.gcam.appointment.Fixture.HOLIDAY;
import static io.gcam.appointment.Fixture.MACAU;
import static io.gcam.appointment.Fixture.OTHER_AGENCY;
import static io.gcam.appointment.Fixture.applicant;
import static io.gcam.appointment.Fixture.macau;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.core.NotFoundException;
import io.gcam.core.ValidationException;
import io.gcam.testsupport.db.TestDatabases;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppointmentServiceTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private HikariDataSource pool;
    private Fixture f;

    @BeforeEach
    void setUp() {
        pool = TestDatabases.h2().newPool(4);
        f = new Fixture(pool);
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    // ------------------------------------------------------------------ slots

    @Test
    void laysOutSlotsAroundBreaksAndLeavesOutClosuresAndHolidays() {
        BookableService s = f.standard();

        List<Slot> week = f.service.availability(applicant(1), s.id(), MONDAY, MONDAY.plusDays(6));

        // 09:00-13:00 and 14:00-17:00 in 30-minute slots: 8 + 6 per open day; Wednesday is a closure of
        // the service point, Friday a public holiday, the weekend is closed.
        assertThat(week).hasSize(3 * 14);
        assertThat(week).extracting(slot -> slot.localStart().toLocalDate()).containsOnly(
                MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(3));
        assertThat(week).noneMatch(slot -> slot.localStart().toLocalDate().equals(HOLIDAY));
        assertThat(week).extracting(slot -> slot.localStart().toLocalTime())
                .doesNotContain(LocalTime.of(13, 0), LocalTime.of(13, 30), LocalTime.of(17, 0))
                .contains(LocalTime.of(12, 30), LocalTime.of(14, 0), LocalTime.of(16, 30));
        Slot first = week.get(0);
        assertThat(first.start()).isEqualTo(macau(2026, 3, 2, 9, 0));
        assertThat(first.end()).isEqualTo(macau(2026, 3, 2, 9, 30));
        assertThat(first.capacity()).isEqualTo(2);
        assertThat(first.free()).isEqualTo(2);
    }

    @Test
    void refusesTimesOnAHolidayInABreakTooSoonOrTooFarAhead() {
        BookableService s = f.standard();
        long auditBefore = f.audit.head().index();

        for (Instant start : List.of(macau(2026, 3, 6, 9, 0), macau(2026, 3, 4, 9, 0), macau(2026, 3, 2, 13, 0),
                macau(2026, 3, 2, 8, 30), macau(2026, 3, 2, 9, 10), macau(2026, 4, 13, 9, 0))) {
            assertThatThrownBy(() -> f.service.reserve(applicant(1), s.id(), start))
                    .as("%s", start)
                    .isInstanceOf(AppointmentException.class)
                    .extracting(e -> ((GcamException) e).code()).isEqualTo("SLOT_NOT_BOOKABLE");
        }
        assertThat(f.audit.head().index()).isEqualTo(auditBefore);
        assertThat(f.service.availability(applicant(1), s.id(), HOLIDAY, HOLIDAY)).isEmpty();
    }

    @Test
    void slotsAreTakenInTheServicePointZoneWhateverTheJvmDefault() {
        BookableService s = f.standard();
        List<Slot> before = f.service.availability(applicant(1), s.id(), MONDAY, MONDAY.plusDays(1));
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertThat(f.service.availability(applicant(1), s.id(), MONDAY, MONDAY.plusDays(1))).isEqualTo(before);
        } finally {
            TimeZone.setDefault(original);
        }
        assertThat(s.definition()).isNotNull();
        assertThat(f.service.servicePoint(applicant(1), s.servicePointId()).definition().zone()).isEqualTo(MACAU);
    }

    @Test
    void followsLocalOpeningHoursAcrossTheSpringDaylightSavingChangeInLisbon() {
        f.clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        WeeklyHours daily = WeeklyHours.builder()
                .open(LocalTime.of(0, 0), LocalTime.of(3, 0), DayOfWeek.values())
                .open(LocalTime.of(9, 0), LocalTime.of(12, 0), DayOfWeek.values())
                .build();
        BookableService s = f.bookable(f.servicePoint(LISBON, daily), 1, Duration.ofMinutes(30));

        List<Slot> saturday = f.service.availability(applicant(1), s.id(), LocalDate.of(2026, 3, 28),
                LocalDate.of(2026, 3, 28));
        List<Slot> sunday = f.service.availability(applicant(1), s.id(), LocalDate.of(2026, 3, 29),
                LocalDate.of(2026, 3, 29));

        // Saturday is still on WET (UTC+0); on Sunday 29 March clocks go from 01:00 to 02:00 (WEST, UTC+1).
        assertThat(saturday).hasSize(6 + 6);
        assertThat(saturday).filteredOn(slot -> slot.localStart().getHour() == 9).first()
                .extracting(Slot::start).isEqualTo(Instant.parse("2026-03-28T09:00:00Z"));
        assertThat(sunday).filteredOn(slot -> slot.localStart().getHour() == 9).first()
                .extracting(Slot::start).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        // 00:30-01:00 ends in the gap and 01:00, 01:30 do not exist: those slots are not offered.
        assertThat(sunday).extracting(slot -> slot.localStart().toLocalTime()).containsExactly(
                LocalTime.of(0, 0), LocalTime.of(2, 0), LocalTime.of(2, 30),
                LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(10, 0), LocalTime.of(10, 30),
                LocalTime.of(11, 0), LocalTime.of(11, 30));
        assertThat(sunday).allSatisfy(slot -> assertThat(Duration.between(slot.start(), slot.end()))
                .isEqualTo(Duration.ofMinutes(30)));
        assertThat(sunday.get(1).start()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));

        Reservation r = f.service.reserve(applicant(1), s.id(), Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(r.appointment().start().atZone(LISBON).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 3, 29, 9, 0));
        assertThat(f.service.reserve(applicant(2), s.id(), Instant.parse("2026-03-29T09:00:00Z")).appointment()
                .start().atZone(LISBON).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThatThrownBy(() -> f.service.reserve(applicant(3), s.id(), Instant.parse("2026-03-29T00:30:00Z")))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("SLOT_NOT_BOOKABLE");
    }

    @Test
    void offersTheRepeatedHourOnceWhenLisbonClocksGoBack() {
        f.clock.set(Instant.parse("2026-10-20T10:00:00Z"));
        WeeklyHours night = WeeklyHours.builder().open(LocalTime.of(0, 0), LocalTime.of(3, 0), DayOfWeek.values()).build();
        BookableService s = f.bookable(f.servicePoint(LISBON, night), 1, Duration.ofMinutes(30));

        // Sunday 25 October 2026: 02:00 WEST becomes 01:00 WET, so 01:00-02:00 happens twice.
        List<Slot> sunday = f.service.availability(applicant(1), s.id(), LocalDate.of(2026, 10, 25),
                LocalDate.of(2026, 10, 25));

        assertThat(sunday).extracting(slot -> slot.localStart().toLocalTime()).containsExactly(
                LocalTime.of(0, 0), LocalTime.of(0, 30), LocalTime.of(1, 0), LocalTime.of(2, 0), LocalTime.of(2, 30));
        assertThat(sunday).allSatisfy(slot -> assertThat(Duration.between(slot.start(), slot.end()))
                .isEqualTo(Duration.ofMinutes(30)));
        assertThat(sunday.get(2).start()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z")); // 01:00 WEST
        assertThat(sunday.get(3).start()).isEqualTo(Instant.parse("2026-10-25T02:00:00Z")); // 02:00 WET
    }

    // ------------------------------------------------------------------ lifecycle

    @Test
    void reservesConfirmsReschedulesAndCancelsWithTheManageCodeWithoutLogin() {
        BookableService s = f.standard();
        Instant nine = macau(2026, 3, 2, 9, 0);
        Instant ten = macau(2026, 3, 2, 10, 0);

        Reservation r = f.service.reserve(applicant(1), s.id(), nine);
        Appointment held = r.appointment();
        assertThat(held.status()).isEqualTo(AppointmentStatus.HELD);
        assertThat(held.holdExpiresAt()).isEqualTo(Fixture.T0.plus(Duration.ofMinutes(10)));
        assertThat(r.manageCode()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(held.manageCodeDigest()).doesNotContain(r.manageCode()).hasSize(64);
        assertThat(free(s, nine)).isEqualTo(1);

        Actor stranger = Actor.applicant("not-logged-in");
        Appointment confirmed = f.service.confirm(stranger, held.id(), r.manageCode().toLowerCase());
        assertThat(confirmed.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(confirmed.holdExpiresAt()).isNull();

        Appointment moved = f.service.reschedule(stranger, held.id(), ten, r.manageCode());
        assertThat(moved.start()).isEqualTo(ten);
        assertThat(moved.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(moved.sequence()).isEqualTo(2);
        assertThat(free(s, nine)).isEqualTo(2);
        assertThat(free(s, ten)).isEqualTo(1);

        Appointment cancelled = f.service.cancel(stranger, held.id(), r.manageCode().replace("-", " "));
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(free(s, ten)).isEqualTo(2);

        assertThat(f.events).extracting(DomainEvent::type).containsSubsequence("appointment.reserved",
                "appointment.confirmed", "appointment.rescheduled", "appointment.cancelled");
        DomainEvent reserved = f.events.stream().filter(e -> e.type().equals("appointment.reserved")).findFirst()
                .orElseThrow();
        assertThat(reserved.agency()).isEqualTo("IAM");
        assertThat(reserved.payload()).containsEntry("applicantId", "applicant-1").containsEntry("start", nine)
                .doesNotContainValue(r.manageCode());
        assertThat(f.audit.entriesFor("appointment", held.id().value(), 0, 10))
                .extracting(e -> e.action()).containsExactly("appointment.reserved", "appointment.confirmed",
                        "appointment.rescheduled", "appointment.cancelled");
        assertThat(f.audit.verify().ok()).isTrue();

        assertThatThrownBy(() -> f.service.cancel(applicant(1), held.id(), null))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("APPOINTMENT_NOT_ACTIVE");
    }

    @Test
    void refusesAWrongManageCodeAndHidesAppointmentsFromOtherApplicants() {
        BookableService s = f.standard();
        Reservation r = f.service.reserve(applicant(1), s.id(), macau(2026, 3, 2, 9, 0));
        AppointmentId id = r.appointment().id();

        assertThatThrownBy(() -> f.service.cancel(applicant(2), id, "AAAA-BBBB-CCCC"))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("MANAGE_CODE_INVALID");
        assertThatThrownBy(() -> f.service.cancel(applicant(2), id, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.service.cancel(OTHER_AGENCY, id, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(f.service.appointment(applicant(1), id, null).status()).isEqualTo(AppointmentStatus.HELD);
        assertThat(f.service.appointment(COUNTER, id, null).status()).isEqualTo(AppointmentStatus.HELD);
        assertThat(f.service.myAppointments(applicant(1))).extracting(Appointment::id).containsExactly(id);
        assertThat(f.service.myAppointments(applicant(2))).isEmpty();
    }

    @Test
    void allowsOneActiveAppointmentPerApplicantAndService() {
        BookableService s = f.standard();
        Reservation first = f.service.reserve(applicant(1), s.id(), macau(2026, 3, 2, 9, 0));

        assertThatThrownBy(() -> f.service.reserve(applicant(1), s.id(), macau(2026, 3, 3, 9, 0)))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("ALREADY_BOOKED");
        assertThat(free(s, macau(2026, 3, 3, 9, 0))).isEqualTo(2);

        f.service.cancel(applicant(1), first.appointment().id(), null);
        assertThat(f.service.reserve(applicant(1), s.id(), macau(2026, 3, 3, 9, 0)).appointment().status())
                .isEqualTo(AppointmentStatus.HELD);
    }

    @Test
    void neverBooksASlotPastItsCapacity() {
        BookableService s = f.standard();
        Instant nine = macau(2026, 3, 2, 9, 0);
        f.service.reserve(applicant(1), s.id(), nine);
        f.service.reserve(applicant(2), s.id(), nine);

        assertThatThrownBy(() -> f.service.reserve(applicant(3), s.id(), nine))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("SLOT_FULL");
        assertThat(f.service.availability(applicant(3), s.id(), MONDAY, MONDAY).get(0).available()).isFalse();
        Appointment other = f.service.reserve(applicant(3), s.id(), macau(2026, 3, 2, 9, 30)).appointment();
        assertThatThrownBy(() -> f.service.reschedule(applicant(3), other.id(), nine, null))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("SLOT_FULL");
        assertThat(f.service.appointment(applicant(3), other.id(), null).start()).isEqualTo(macau(2026, 3, 2, 9, 30));
    }

    @Test
    void aLapsedHoldFreesItsPlaceAndCannotBeConfirmed() {
        BookableService s = f.standard();
        Instant nine = macau(2026, 3, 2, 11, 0);
        Reservation a = f.service.reserve(applicant(1), s.id(), nine);
        Reservation b = f.service.reserve(applicant(2), s.id(), nine);
        f.service.confirm(applicant(2), b.appointment().id(), null);
        assertThat(free(s, nine)).isZero();

        f.clock.advance(Duration.ofMinutes(10));

        assertThat(free(s, nine)).isEqualTo(1);
        assertThatThrownBy(() -> f.service.confirm(applicant(1), a.appointment().id(), null))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("HOLD_EXPIRED");
        Reservation c = f.service.reserve(applicant(3), s.id(), nine);
        assertThat(c.appointment().status()).isEqualTo(AppointmentStatus.HELD);
        assertThat(f.service.appointment(ADMIN, a.appointment().id(), null).status())
                .isEqualTo(AppointmentStatus.EXPIRED);
        assertThat(f.events).extracting(DomainEvent::type).contains("appointment.expired");
        // The applicant whose hold lapsed may book again.
        assertThat(f.service.reserve(applicant(1), s.id(), macau(2026, 3, 2, 11, 30)).appointment().status())
                .isEqualTo(AppointmentStatus.HELD);
        assertThat(f.service.expireHolds(Actor.system("scheduler"), 100)).isZero();
    }

    @Test
    void expireHoldsMarksLapsedHoldsAndPublishesEvents() {
        BookableService s = f.standard();
        Reservation a = f.service.reserve(applicant(1), s.id(), macau(2026, 3, 2, 9, 0));
        f.clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> f.service.expireHolds(COUNTER, 10)).isInstanceOf(AccessDeniedException.class);
        assertThat(f.service.expireHolds(Actor.system("scheduler"), 10)).isEqualTo(1);

        assertThat(f.service.appointment(applicant(1), a.appointment().id(), null).status())
                .isEqualTo(AppointmentStatus.EXPIRED);
        assertThat(f.events.get(f.events.size() - 1).type()).isEqualTo("appointment.expired");
        assertThatThrownBy(() -> f.service.cancel(applicant(1), a.appointment().id(), null))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("HOLD_EXPIRED");
    }

    @Test
    void staffBookWalkInsForTheCurrentSlotAndMarkNoShowsAfterTheSlot() {
        BookableService s = f.standard();
        f.clock.set(macau(2026, 3, 2, 9, 10));
        Instant nine = macau(2026, 3, 2, 9, 0);

        assertThatThrownBy(() -> f.service.reserve(applicant(1), s.id(), nine))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("SLOT_NOT_BOOKABLE");
        assertThatThrownBy(() -> f.service.bookWalkIn(OTHER_AGENCY, s.id(), nine, null))
                .isInstanceOf(AccessDeniedException.class);
        Reservation walkIn = f.service.bookWalkIn(COUNTER, s.id(), nine, null);
        assertThat(walkIn.appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(walkIn.appointment().walkIn()).isTrue();
        assertThat(walkIn.appointment().applicantId()).isNull();
        assertThat(f.service.dayList(COUNTER, s.id(), MONDAY)).extracting(Appointment::id)
                .containsExactly(walkIn.appointment().id());

        assertThatThrownBy(() -> f.service.markNoShow(COUNTER, walkIn.appointment().id()))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("NO_SHOW_TOO_EARLY");
        f.clock.set(macau(2026, 3, 2, 9, 30));
        assertThatThrownBy(() -> f.service.markNoShow(applicant(1), walkIn.appointment().id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.service.markNoShow(COUNTER, walkIn.appointment().id()).status())
                .isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(f.events).extracting(DomainEvent::type).contains("appointment.walk_in_booked", "appointment.no_show");
    }

    @Test
    void checksWhoMayCreateServicePointsAndServices() {
        ServicePointDefinition definition = ServicePointDefinition.builder().agency("IAM")
                .name(io.gcam.core.LocalizedText.english("Office")).location(io.gcam.core.LocalizedText.english("Here"))
                .hours(Fixture.officeHours()).counters("1").build();
        assertThatThrownBy(() -> f.service.createServicePoint(COUNTER, definition))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.service.createServicePoint(applicant(1), definition))
                .isInstanceOf(AccessDeniedException.class);
        ServicePoint point = f.service.createServicePoint(ADMIN, definition);
        assertThat(f.service.servicePoints(COUNTER)).contains(point);
        assertThat(f.service.servicePoints(OTHER_AGENCY)).doesNotContain(point);
        assertThat(point.definition().zone()).isEqualTo(MACAU);
        assertThatThrownBy(() -> BookableServiceDefinition.builder().servicePoint(point.id()).code("X")
                .name(io.gcam.core.LocalizedText.english("X")).ticketPrefix("a1").build())
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.service.availability(applicant(1), new BookableServiceId(point.id().value()),
                MONDAY, MONDAY)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesReversedOrOverlongAvailabilityRanges() {
        BookableService s = f.standard();
        assertThatThrownBy(() -> f.service.availability(applicant(1), s.id(), MONDAY, MONDAY.minusDays(1)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.service.availability(applicant(1), s.id(), MONDAY, MONDAY.plusDays(400)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void staffSeeSlotsBeyondTheApplicantHorizon() {
        BookableService s = f.standard();
        LocalDate far = MONDAY.plusDays(43);
        assertThat(f.service.availability(applicant(1), s.id(), far, far)).isEmpty();
        assertThat(f.service.availability(COUNTER, s.id(), far, far)).hasSize(14);
    }

    private int free(BookableService s, Instant start) {
        LocalDate day = LocalDate.ofInstant(start, MACAU);
        return f.service.availability(COUNTER, s.id(), day, day).stream()
                .filter(slot -> slot.start().equals(start)).findFirst().orElseThrow().free();
    }
}
