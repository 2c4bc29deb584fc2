package io.gcam.registration;

import static io.gcam.registration.Fixture.ADMIN;
import static io.gcam.registration.Fixture.OFFICER;
import static io.gcam.registration.Fixture.OTHER_AGENCY_ADMIN;
import static io.gcam.registration.Fixture.applicant;
import static io.gcam.registration.Fixture.exam;
import static io.gcam.registration.Fixture.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.ValidationException;
import io.gcam.registration.spi.ApplicantProfile;
import io.gcam.testsupport.db.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrationServiceTest {

    private Fixture f;
    private RegistrationService service;

    @BeforeEach
    void setUp() {
        f = new Fixture(TestDatabases.h2().newPool(4));
        service = f.service;
    }

    // ----------------------------------------------------------------------------- activities

    @Test
    void createsActivityAsDraftForAdminsOfItsAgencyOnly() {
        ActivityDefinition definition = exam().session(session("Room A", 2, 0)).build();

        assertThatThrownBy(() -> service.createActivity(OTHER_AGENCY_ADMIN, definition))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.createActivity(OFFICER, definition))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.createActivity(applicant(1), definition))
                .isInstanceOf(AccessDeniedException.class);

        Activity activity = service.createActivity(ADMIN, definition);
        assertThat(activity.status()).isEqualTo(ActivityStatus.DRAFT);
        Activity stored = service.activity(ADMIN, activity.id());
        assertThat(stored.definition()).isEqualTo(definition);
        assertThat(stored.sessions()).hasSize(1);
        assertThat(stored.sessions().get(0).venue().in(GcamLocales.TRADITIONAL_CHINESE)).isEqualTo("澳門理工大學 Room A");
        assertThatThrownBy(() -> service.activity(applicant(1), activity.id())).isInstanceOf(NotFoundException.class);
        assertThat(f.events).extracting(DomainEvent::type).containsExactly("registration.activity_created");
        assertThat(f.audit.verify().ok()).isTrue();
    }

    @Test
    void rejectsAnInvalidDefinitionNamingEveryFieldInThreeLanguages() {
        ActivityDefinition bad = exam()
                .session(new SessionDefinition(LocalizedText.english("Room"), Fixture.EXAM, Fixture.EXAM, 0))
                .registrationWindow(Fixture.CLOSES, Fixture.OPENS)
                .maxSessionsPerApplicant(3)
                .waitlist(0)
                .eligibility(EligibilityCriteria.builder().age(40, 18, LocalDate.of(2026, 1, 1)).build())
                .build();

        assertThatThrownBy(() -> service.createActivity(ADMIN, bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(ValidationException.Violation::field).containsExactly(
                            "sessions[0].capacity", "sessions[0].endsAt", "registrationCloses",
                            "maxSessionsPerApplicant", "waitlistMaxLength", "eligibility.minimumAge");
                    assertThat(e.violations().get(0).message().in(GcamLocales.PORTUGUESE)).isEqualTo("deve ser pelo menos 1");
                    assertThat(e.localizedMessage(GcamLocales.TRADITIONAL_CHINESE)).contains("至少為 1");
                });
        assertThat(service.activities(ADMIN, PageRequest.first()).total()).isZero();
        assertThat(f.events).isEmpty();
    }

    @Test
    void movesThroughItsStatusesAndRefusesInvalidChanges() {
        Activity a = service.createActivity(ADMIN, exam().session(session("Room A", 2, 0)).build());
        assertThatThrownBy(() -> service.close(ADMIN, a.id())).isInstanceOfSatisfying(RegistrationException.class,
                e -> assertThat(e.code()).isEqualTo("ACTIVITY_STATUS_INVALID"));
        assertThatThrownBy(() -> service.open(OTHER_AGENCY_ADMIN, a.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(service.open(ADMIN, a.id()).status()).isEqualTo(ActivityStatus.OPEN);
        assertThat(service.close(ADMIN, a.id()).status()).isEqualTo(ActivityStatus.CLOSED);
        assertThat(service.open(ADMIN, a.id()).status()).isEqualTo(ActivityStatus.OPEN);
        assertThat(service.cancelActivity(ADMIN, a.id()).status()).isEqualTo(ActivityStatus.CANCELLED);
        assertThatThrownBy(() -> service.open(ADMIN, a.id())).isInstanceOf(RegistrationException.class);
        assertThat(f.events).extracting(DomainEvent::type).containsExactly("registration.activity_created",
                "registration.activity_opened", "registration.activity_closed", "registration.activity_opened",
                "registration.activity_cancelled");
    }

    @Test
    void applicantsSeeOnlyOpenActivitiesAndStaffOnlyTheirAgencys() {
        service.createActivity(ADMIN, exam().session(session("Draft", 2, 0)).build());
        Activity open = f.openActivity(exam().session(session("Open", 2, 0)).build());
        assertThat(service.activities(applicant(1), PageRequest.first()).items()).extracting(Activity::id)
                .containsExactly(open.id());
        assertThat(service.activities(OFFICER, PageRequest.first()).total()).isEqualTo(2);
        assertThat(service.activities(OTHER_AGENCY_ADMIN, PageRequest.first()).total()).isZero();
    }

    // ----------------------------------------------------------------------------- registering

    @Test
    void refusesRegistrationsAtOnceWhenAnotherInstanceClosesTheActivity() {
        Activity a = f.openActivity(exam().session(session("Room A", 5, 0)).build());
        SessionId s = a.sessions().get(0).id();
        Fixture otherInstance = new Fixture(f.pool, false);
        otherInstance.clock.set(f.clock.instant());
        // The other instance has now read (and keeps) the activity's definition.
        assertThat(otherInstance.service.register(applicant(1), s).status()).isEqualTo(RegistrationStatus.CONFIRMED);

        service.close(ADMIN, a.id());

        assertThatThrownBy(() -> otherInstance.service.register(applicant(2), s))
                .isInstanceOfSatisfying(RegistrationException.class,
                        e -> assertThat(e.code()).isEqualTo("REGISTRATION_CLOSED"));
        service.open(ADMIN, a.id());
        assertThat(otherInstance.service.register(applicant(2), s).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(service.counts(ADMIN, a.id(), null)).isEqualTo(new RegistrationCounts(2, 0, 0));
    }

    @Test
    void confirmsWithCandidateNumbersThenWaitlistsInOrderThenRejectsFull() {
        Activity a = f.openActivity(exam().session(session("Room A", 2, 0)).waitlist(2).build());
        SessionId s = a.sessions().get(0).id();

        Registration first = service.register(applicant(1), s);
        Registration second = service.register(applicant(2), s);
        Registration third = service.register(applicant(3), s);
        Registration fourth = service.register(applicant(4), s);

        assertThat(first.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(first.candidateNumber()).startsWith("C26-00001-");
        assertThat(second.candidateNumber()).startsWith("C26-00002-");
        assertThat(third.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(third.waitlistPosition()).isEqualTo(1);
        assertThat(third.candidateNumber()).isNull();
        assertThat(fourth.waitlistPosition()).isEqualTo(2);
        assertThatThrownBy(() -> service.register(applicant(5), s)).isInstanceOfSatisfying(RegistrationException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("REGISTRATION_FULL");
                    assertThat(e.localizedMessage(GcamLocales.TRADITIONAL_CHINESE)).contains("此場次已滿");
                });
        Session counted = service.activity(ADMIN, a.id()).sessions().get(0);
        assertThat(counted.taken()).isEqualTo(2);
        assertThat(counted.waitlisted()).isEqualTo(2);
        assertThat(f.events).extracting(DomainEvent::type).containsSubsequence("registration.confirmed",
                "registration.confirmed", "registration.waitlisted", "registration.waitlisted");
        DomainEvent confirmed = f.events.stream().filter(e -> e.type().equals("registration.confirmed")).findFirst()
                .orElseThrow();
        assertThat(confirmed.aggregateId()).isEqualTo(first.id().value());
        assertThat(confirmed.agency()).isEqualTo("SAFP");
        assertThat(confirmed.payload()).containsEntry("candidateNumber", first.candidateNumber())
                .doesNotContainKey("applicantId");
        assertThat(f.audit.verify().ok()).isTrue();
    }

    @Test
    void rejectsAFullSessionWhenTheWaitlistIsOff() {
        Activity a = f.openActivity(exam().session(session("Room A", 1, 0)).build());
        SessionId s = a.sessions().get(0).id();
        service.register(applicant(1), s);
        assertThatThrownBy(() -> service.register(applicant(2), s)).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("REGISTRATION_FULL"));
    }

    @Test
    void rejectsRegistrationOutsideTheWindowAndWhileNotOpen() {
        Activity draft = service.createActivity(ADMIN, exam().session(session("Room A", 5, 0)).build());
        SessionId s = draft.sessions().get(0).id();
        f.clock.set(Fixture.OPENS.plusSeconds(1));
        assertThatThrownBy(() -> service.register(applicant(1), s)).isInstanceOf(NotFoundException.class);

        service.open(ADMIN, draft.id());
        f.clock.set(Fixture.OPENS.minusSeconds(1));
        assertThatThrownBy(() -> service.register(applicant(1), s)).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("REGISTRATION_CLOSED"));
        f.clock.set(Fixture.OPENS);
        assertThat(service.register(applicant(1), s).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        f.clock.set(Fixture.CLOSES);
        assertThatThrownBy(() -> service.register(applicant(2), s)).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("REGISTRATION_CLOSED"));
        f.clock.set(Fixture.OPENS.plusSeconds(5));
        service.close(ADMIN, draft.id());
        assertThatThrownBy(() -> service.register(applicant(2), s)).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("REGISTRATION_CLOSED"));
    }

    @Test
    void rejectsASecondActiveRegistrationOfTheSameApplicantButAcceptsOneAfterCancelling() {
        Activity a = f.openActivity(exam().session(session("Room A", 5, 0)).session(session("Room B", 5, 1)).build());
        SessionId s1 = a.sessions().get(0).id();
        SessionId s2 = a.sessions().get(1).id();
        Registration r = service.register(applicant(1), s1);

        assertThatThrownBy(() -> service.register(applicant(1), s1)).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("ALREADY_REGISTERED"));
        assertThatThrownBy(() -> service.register(applicant(1), s2)).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("ALREADY_REGISTERED"));

        service.cancel(applicant(1), r.id());
        assertThat(service.register(applicant(1), s2).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(service.counts(OFFICER, a.id(), null)).isEqualTo(new RegistrationCounts(1, 0, 1));
    }

    @Test
    void tellsTheHolderOfTheLastSeatThatTheyAreAlreadyRegisteredNotThatItIsFull() {
        Activity a = f.openActivity(exam().session(session("Room A", 1, 0)).build());
        SessionId s = a.sessions().get(0).id();
        service.register(applicant(1), s);
        assertThatThrownBy(() -> service.register(applicant(1), s)).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("ALREADY_REGISTERED"));
        assertThatThrownBy(() -> service.register(applicant(2), s)).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("REGISTRATION_FULL"));
    }

    @Test
    void letsAnApplicantHoldAsManySessionsAsTheActivityAllows() {
        Activity a = f.openActivity(exam().session(session("A", 5, 0)).session(session("B", 5, 1))
                .session(session("C", 5, 2)).maxSessionsPerApplicant(2).build());
        service.register(applicant(1), a.sessions().get(0).id());
        service.register(applicant(1), a.sessions().get(1).id());
        assertThatThrownBy(() -> service.register(applicant(1), a.sessions().get(2).id()))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_REGISTERED"));
    }

    @Test
    void onlyApplicantsRegisterThemselves() {
        Activity a = f.openActivity(exam().session(session("Room A", 5, 0)).build());
        assertThatThrownBy(() -> service.register(OFFICER, a.sessions().get(0).id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void repeatsWithTheSameIdempotencyKeyReturnTheFirstRegistration() {
        Activity a = f.openActivity(exam().session(session("Room A", 5, 0)).build());
        SessionId s = a.sessions().get(0).id();
        Registration first = service.register(applicant(1), s, "key-1");
        Registration repeat = service.register(applicant(1), s, "key-1");
        assertThat(repeat).isEqualTo(first);
        assertThat(service.counts(ADMIN, a.id(), null).confirmed()).isEqualTo(1);
        assertThat(f.events.stream().filter(e -> e.type().equals("registration.confirmed"))).hasSize(1);
    }

    @Test
    void aFailingListenerRollsTheRegistrationItsAuditEntryAndItsSeatBack() {
        Activity a = f.openActivity(exam().session(session("Room A", 5, 0)).build());
        SessionId s = a.sessions().get(0).id();
        long auditBefore = f.audit.head().index();
        Fixture failing = new Fixture(f.pool, false);
        failing.clock.set(f.clock.instant());
        RegistrationService broken = RegistrationService.builder().store(failing.store).transactions(failing.tx)
                .audit(failing.audit).events(e -> {
                    throw new IllegalStateException("listener down");
                }).candidateNumbers(io.gcam.core.ReferenceNumberGenerator.builder().name("x").format("[SEQ:4]")
                        .store(io.gcam.core.jdbc.JdbcSequenceStore.joining(failing.tx.dataSource())).build())
                .clock(f.clock).build();

        assertThatThrownBy(() -> broken.register(applicant(1), s)).hasMessage("listener down");

        assertThat(service.counts(ADMIN, a.id(), null).total()).isZero();
        assertThat(service.activity(ADMIN, a.id()).sessions().get(0).taken()).isZero();
        assertThat(f.audit.head().index()).isEqualTo(auditBefore);
    }

    // ----------------------------------------------------------------------------- eligibility

    @Test
    void refusesIneligibleApplicantsWithEveryReasonLocalized() {
        Activity a = f.openActivity(exam().session(session("Room A", 5, 0))
                .eligibility(EligibilityCriteria.builder().age(18, 35, LocalDate.of(2026, 6, 30))
                        .residencyStatuses("PERMANENT").minimumQualificationLevel(5).build())
                .build());
        SessionId s = a.sessions().get(0).id();
        f.profiles.put("applicant-1", ApplicantProfile.of("applicant-1", LocalDate.of(2010, 1, 1), "NON_PERMANENT", 3));
        f.profiles.put("applicant-2", ApplicantProfile.of("applicant-2", LocalDate.of(1991, 6, 30), "PERMANENT", 5));
        f.profiles.put("applicant-3", ApplicantProfile.of("applicant-3", LocalDate.of(1990, 6, 30), "PERMANENT", 6));

        assertThatThrownBy(() -> service.register(applicant(1), s)).isInstanceOfSatisfying(NotEligibleException.class,
                e -> {
                    assertThat(e.reasons()).extracting(r -> r.in(Locale.ENGLISH)).containsExactly(
                            "you must be at least 18 years old on 2026-06-30",
                            "your residency status does not allow you to register",
                            "a qualification of level 5 or higher is required");
                    assertThat(e.localizedMessage(GcamLocales.TRADITIONAL_CHINESE)).contains("於 2026-06-30 您必須年滿 18 歲");
                });
        assertThat(service.register(applicant(2), s).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(service.eligibility(applicant(3), a.id()).reasons()).extracting(r -> r.in(Locale.ENGLISH))
                .containsExactly("you must be at most 35 years old on 2026-06-30");
        assertThat(service.eligibility(applicant(4), a.id()).reasons()).containsExactly(EligibilityRules.applicantUnknown());
        assertThat(service.counts(ADMIN, a.id(), null).total()).isEqualTo(1);
    }

    @Test
    void appliesAgencyEligibilityRulesFromTheSpi() {
        Fixture custom = new Fixture(TestDatabases.h2().newPool(2), (activity, applicant) ->
                "true".equals(applicant.attributes().get("barred"))
                        ? Optional.of(LocalizedText.of("You are barred", "您被禁止報考", "Está impedido"))
                        : Optional.empty());
        Activity a = custom.openActivity(exam().session(session("Room A", 5, 0)).build());
        custom.profiles.put("applicant-1", new ApplicantProfile("applicant-1", null, null, null, Map.of("barred", "true")));
        custom.profiles.put("applicant-2", new ApplicantProfile("applicant-2", null, null, null, Map.of()));
        assertThatThrownBy(() -> custom.service.register(applicant(1), a.sessions().get(0).id()))
                .isInstanceOfSatisfying(NotEligibleException.class,
                        e -> assertThat(e.localizedMessage(GcamLocales.PORTUGUESE)).endsWith("Está impedido"));
        assertThat(custom.service.register(applicant(2), a.sessions().get(0).id()).status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
    }

    // ----------------------------------------------------------------------------- cancelling and moving

    @Test
    void cancellingAConfirmedRegistrationPromotesTheFirstWaitlistedOne() {
        Activity a = f.openActivity(exam().session(session("Room A", 1, 0)).waitlist(5).build());
        SessionId s = a.sessions().get(0).id();
        Registration holder = service.register(applicant(1), s);
        Registration firstInLine = service.register(applicant(2), s);
        Registration secondInLine = service.register(applicant(3), s);

        Cancellation result = service.cancel(applicant(1), holder.id());

        assertThat(result.registration().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(result.registration().cancelledAt()).isEqualTo(f.clock.instant());
        assertThat(result.promoted()).isNotNull();
        assertThat(result.promoted().id()).isEqualTo(firstInLine.id());
        assertThat(result.promoted().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(result.promoted().candidateNumber()).startsWith("C26-00002-");
        assertThat(service.registration(applicant(3), secondInLine.id()).waitlistPosition()).isEqualTo(1);
        assertThat(service.counts(ADMIN, a.id(), s)).isEqualTo(new RegistrationCounts(1, 1, 1));
        assertThat(f.events).extracting(DomainEvent::type).endsWith("registration.cancelled", "registration.promoted");
        assertThatThrownBy(() -> service.cancel(applicant(1), holder.id())).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("REGISTRATION_NOT_ACTIVE"));
    }

    @Test
    void cancellingAWaitlistedRegistrationMovesTheOthersUp() {
        Activity a = f.openActivity(exam().session(session("Room A", 1, 0)).waitlist(5).build());
        SessionId s = a.sessions().get(0).id();
        service.register(applicant(1), s);
        Registration w1 = service.register(applicant(2), s);
        Registration w2 = service.register(applicant(3), s);
        Cancellation result = service.cancel(applicant(2), w1.id());
        assertThat(result.promoted()).isNull();
        assertThat(service.registration(applicant(3), w2.id()).waitlistPosition()).isEqualTo(1);
        assertThat(service.activity(ADMIN, a.id()).sessions().get(0).waitlisted()).isEqualTo(1);
    }

    @Test
    void applicantsCannotCancelAfterTheDeadlineButStaffCan() {
        Activity a = f.openActivity(exam().session(session("Room A", 2, 0)).build());
        Registration r = service.register(applicant(1), a.sessions().get(0).id());
        f.clock.set(Fixture.DEADLINE);
        assertThatThrownBy(() -> service.cancel(applicant(1), r.id())).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("CANCELLATION_DEADLINE_PASSED"));
        assertThatThrownBy(() -> service.cancel(applicant(2), r.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.cancel(OTHER_AGENCY_ADMIN, r.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(service.cancel(OFFICER, r.id()).registration().status()).isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void staffCancellingWithAReasonPromotesTheFirstWaitlistedAndTellsWhyInTheEventAndAudit() {
        Activity a = f.openActivity(exam().session(session("Room A", 1, 0)).waitlist(5).build());
        SessionId s = a.sessions().get(0).id();
        Registration holder = service.register(applicant(1), s);
        Registration firstInLine = service.register(applicant(2), s);
        service.register(applicant(3), s);
        f.events.clear();

        Cancellation result = service.cancel(OFFICER, holder.id(), "  Duplicate registration  ");

        assertThat(result.promoted().id()).isEqualTo(firstInLine.id());
        assertThat(service.registration(applicant(2), firstInLine.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        DomainEvent cancelled = f.events.get(0);
        assertThat(cancelled.type()).isEqualTo("registration.cancelled");
        assertThat(cancelled.payload()).containsEntry("cause", "agency").containsEntry("reason", "Duplicate registration");
        assertThat(f.events.get(1).type()).isEqualTo("registration.promoted");
        assertThat(f.audit.entriesFor("registration", holder.id().value(), 0, 10))
                .extracting(io.gcam.core.AuditEntry::action).endsWith("registration.cancelled");
        assertThat(f.audit.entriesFor("registration", holder.id().value(), 0, 10).get(1).details())
                .contains("\"reason\":\"Duplicate registration\"");
    }

    @Test
    void applicantCancellationsSayTheApplicantCancelledAndTooLongReasonsChangeNothing() {
        Activity a = f.openActivity(exam().session(session("Room A", 2, 0)).build());
        Registration r = service.register(applicant(1), a.sessions().get(0).id());

        assertThatThrownBy(() -> service.cancel(OFFICER, r.id(), "x".repeat(RegistrationService.MAX_REASON_LENGTH + 1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("reason"));
        assertThat(service.registration(applicant(1), r.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);

        service.cancel(applicant(1), r.id(), " ");
        DomainEvent cancelled = f.events.get(f.events.size() - 1);
        assertThat(cancelled.payload()).containsEntry("cause", "applicant").doesNotContainKey("reason");
    }

    @Test
    void cancellingAnActivityCancelsEveryActiveRegistrationWithAnEventEachAndRefusesNewOnes() {
        Activity a = f.openActivity(exam().session(session("A", 1, 0)).session(session("B", 2, 1)).waitlist(3)
                .maxSessionsPerApplicant(1).build());
        SessionId sa = a.sessions().get(0).id();
        SessionId sb = a.sessions().get(1).id();
        Registration confirmed = service.register(applicant(1), sa);
        Registration waiting = service.register(applicant(2), sa);
        Registration gone = service.register(applicant(3), sb);
        service.cancel(applicant(3), gone.id());
        Registration other = service.register(applicant(4), sb);
        f.events.clear();

        assertThatThrownBy(() -> service.cancelActivity(OFFICER, a.id(), "Venue unavailable"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.cancelActivity(OTHER_AGENCY_ADMIN, a.id(), "Venue unavailable"))
                .isInstanceOf(AccessDeniedException.class);
        Activity cancelled = service.cancelActivity(ADMIN, a.id(), "Venue unavailable");

        assertThat(cancelled.status()).isEqualTo(ActivityStatus.CANCELLED);
        assertThat(cancelled.sessions()).extracting(Session::taken).containsExactly(0, 0);
        assertThat(cancelled.sessions()).extracting(Session::waitlisted).containsExactly(0, 0);
        assertThat(service.counts(ADMIN, a.id(), null)).isEqualTo(new RegistrationCounts(0, 0, 4));
        for (Registration r : List.of(confirmed, waiting, other)) {
            Registration now = service.registration(ADMIN, r.id());
            assertThat(now.status()).isEqualTo(RegistrationStatus.CANCELLED);
            assertThat(now.cancelledAt()).isEqualTo(f.clock.instant());
        }
        assertThat(f.events).extracting(DomainEvent::type).containsExactly("registration.activity_cancelled",
                "registration.cancelled", "registration.cancelled", "registration.cancelled");
        assertThat(f.events.get(0).payload()).containsEntry("registrationsCancelled", 3)
                .containsEntry("reason", "Venue unavailable");
        assertThat(f.events.subList(1, 4)).extracting(DomainEvent::aggregateId)
                .containsExactly(confirmed.id().value(), waiting.id().value(), other.id().value());
        assertThat(f.events.subList(1, 4)).allSatisfy(e -> assertThat(e.payload())
                .containsEntry("cause", "activity_cancelled").containsEntry("reason", "Venue unavailable")
                .containsEntry("status", "CANCELLED"));
        assertThat(f.events.get(1).payload()).containsEntry("candidateNumber", confirmed.candidateNumber());
        assertThat(f.audit.entriesFor("registration", waiting.id().value(), 0, 10))
                .extracting(io.gcam.core.AuditEntry::action).endsWith("registration.cancelled");
        assertThat(f.audit.verify().ok()).isTrue();

        assertThatThrownBy(() -> service.register(applicant(5), sb)).isInstanceOf(GcamException.class);
        assertThatThrownBy(() -> service.cancelActivity(ADMIN, a.id()))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("ACTIVITY_STATUS_INVALID"));
        assertThatThrownBy(() -> service.changeSession(ADMIN, confirmed.id(), sb))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("REGISTRATION_NOT_ACTIVE"));
    }

    @Test
    void aFailingListenerRollsBackTheWholeActivityCancellation() {
        Activity a = f.openActivity(exam().session(session("A", 2, 0)).build());
        Registration r = service.register(applicant(1), a.sessions().get(0).id());
        long auditBefore = f.audit.head().index();
        Fixture failing = new Fixture(f.pool, false);
        failing.clock.set(f.clock.instant());
        RegistrationService broken = RegistrationService.builder().store(failing.store).transactions(failing.tx)
                .audit(failing.audit).events(e -> {
                    if (e.type().equals("registration.cancelled")) {
                        throw new IllegalStateException("listener down");
                    }
                }).candidateNumbers(io.gcam.core.ReferenceNumberGenerator.builder().name("x").format("[SEQ:4]")
                        .store(io.gcam.core.jdbc.JdbcSequenceStore.joining(failing.tx.dataSource())).build())
                .clock(f.clock).build();

        assertThatThrownBy(() -> broken.cancelActivity(ADMIN, a.id())).hasMessage("listener down");

        assertThat(f.audit.head().index()).as("the activity's audit entry is rolled back too").isEqualTo(auditBefore);
        assertThat(service.activity(ADMIN, a.id()).status()).isEqualTo(ActivityStatus.OPEN);
        assertThat(service.registration(applicant(1), r.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(service.activity(ADMIN, a.id()).sessions().get(0).taken()).isEqualTo(1);
    }

    @Test
    void changingSessionMovesTheSeatAndPromotesInTheOldSession() {
        Activity a = f.openActivity(exam().session(session("A", 1, 0)).session(session("B", 1, 1)).waitlist(3).build());
        SessionId sa = a.sessions().get(0).id();
        SessionId sb = a.sessions().get(1).id();
        Registration mover = service.register(applicant(1), sa);
        Registration waiting = service.register(applicant(2), sa);

        Cancellation result = service.changeSession(applicant(1), mover.id(), sb);

        assertThat(result.registration().sessionId()).isEqualTo(sb);
        assertThat(result.registration().candidateNumber()).isEqualTo(mover.candidateNumber());
        assertThat(result.promoted().id()).isEqualTo(waiting.id());
        List<Session> sessions = service.activity(ADMIN, a.id()).sessions();
        assertThat(sessions).extracting(Session::taken).containsExactly(1, 1);
        assertThat(sessions).extracting(Session::waitlisted).containsExactly(0, 0);

        Registration third = service.register(applicant(3), sa);
        assertThat(third.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThatThrownBy(() -> service.changeSession(applicant(3), third.id(), sb))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("REGISTRATION_FULL"));
        assertThatThrownBy(() -> service.changeSession(applicant(3), third.id(), sa))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("sessionId"));
        assertThat(service.registration(applicant(3), third.id()).status()).isEqualTo(RegistrationStatus.WAITLISTED);
    }

    @Test
    void aWaitlistedRegistrationMovedToAFreeSeatIsConfirmed() {
        Activity a = f.openActivity(exam().session(session("A", 1, 0)).session(session("B", 2, 1)).waitlist(3).build());
        service.register(applicant(1), a.sessions().get(0).id());
        Registration waiting = service.register(applicant(2), a.sessions().get(0).id());
        Registration moved = service.changeSession(applicant(2), waiting.id(), a.sessions().get(1).id()).registration();
        assertThat(moved.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(moved.candidateNumber()).isNotNull();
        assertThat(service.activity(ADMIN, a.id()).sessions()).extracting(Session::waitlisted).containsExactly(0, 0);
    }

    @Test
    void givesAnAdmissionSlipForConfirmedRegistrations() {
        Activity a = f.openActivity(exam().session(session("Room A", 1, 0)).waitlist(1).build());
        Registration r = service.register(applicant(1), a.sessions().get(0).id());
        Registration w = service.register(applicant(2), a.sessions().get(0).id());
        AdmissionSlip slip = service.admissionSlip(applicant(1), r.id());
        assertThat(slip.candidateNumber()).isEqualTo(r.candidateNumber());
        assertThat(slip.venue().en()).isEqualTo("Room A");
        assertThat(slip.startsAt()).isEqualTo(Fixture.EXAM);
        assertThatThrownBy(() -> service.admissionSlip(applicant(2), w.id())).isInstanceOf(RegistrationException.class);
    }

    // ----------------------------------------------------------------------------- staff views

    @Test
    void staffListFilterAndPageTheRegistrationsOfTheirAgencyOnly() {
        Activity a = f.openActivity(exam().session(session("A", 3, 0)).session(session("B", 3, 1)).waitlist(5).build());
        SessionId sa = a.sessions().get(0).id();
        SessionId sb = a.sessions().get(1).id();
        for (int i = 1; i <= 5; i++) {
            f.clock.advance(Duration.ofMinutes(1));
            service.register(applicant(i), sa);
        }
        f.clock.advance(Duration.ofMinutes(1));
        service.register(applicant(6), sb);

        Page<Registration> page1 = service.registrations(OFFICER, RegistrationQuery.of(a.id()), PageRequest.of(0, 4));
        Page<Registration> page2 = service.registrations(OFFICER, RegistrationQuery.of(a.id()), PageRequest.of(1, 4));
        assertThat(page1.total()).isEqualTo(6);
        assertThat(page1.items()).extracting(Registration::applicantId)
                .containsExactly("applicant-1", "applicant-2", "applicant-3", "applicant-4");
        assertThat(page2.items()).extracting(Registration::applicantId).containsExactly("applicant-5", "applicant-6");
        assertThat(service.registrations(OFFICER, RegistrationQuery.of(a.id()).session(sa)
                .status(RegistrationStatus.WAITLISTED), PageRequest.first()).items())
                .extracting(Registration::applicantId, Registration::waitlistPosition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("applicant-4", 1),
                        org.assertj.core.groups.Tuple.tuple("applicant-5", 2));
        assertThat(service.registrations(ADMIN, RegistrationQuery.of(a.id()).applicant("applicant-6"),
                PageRequest.first()).items()).hasSize(1);
        assertThat(service.counts(OFFICER, a.id(), null)).isEqualTo(new RegistrationCounts(4, 2, 0));
        assertThat(service.counts(OFFICER, a.id(), sb)).isEqualTo(new RegistrationCounts(1, 0, 0));
        assertThat(service.myRegistrations(applicant(6), PageRequest.first()).items()).hasSize(1);

        assertThatThrownBy(() -> service.registrations(OTHER_AGENCY_ADMIN, RegistrationQuery.of(a.id()),
                PageRequest.first())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.counts(applicant(1), a.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.counts(Actor.staff("x", "SAFP", "CLERK"), a.id(), null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void exportsCsvWithBomChineseHeadersAndFormulaSafeCells() throws Exception {
        Activity a = f.openActivity(exam().session(new SessionDefinition(
                LocalizedText.of("Hall", "=HYPERLINK(\"http://evil\")", null), Fixture.EXAM,
                Fixture.EXAM.plusSeconds(3600), 5)).build());
        service.register(Actor.applicant("=cmd|' /C calc'!A0"), a.sessions().get(0).id());
        service.register(Actor.applicant("+applicant"), a.sessions().get(0).id());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long rows = service.exportCsv(OFFICER, RegistrationQuery.of(a.id()), out, GcamLocales.TRADITIONAL_CHINESE);

        byte[] bytes = out.toByteArray();
        assertThat(rows).isEqualTo(2);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("報名編號,准考證編號,申請人編號,狀態");
        assertThat(lines[1]).contains(",'=cmd|' /C calc'!A0,").contains("CONFIRMED").contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(lines[2]).contains(",'+applicant,");
        assertThatThrownBy(() -> service.exportCsv(applicant(1), RegistrationQuery.of(a.id()), out, Locale.ENGLISH))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void everyChangeIsInTheAuditTrail() {
        Activity a = f.openActivity(exam().session(session("Room A", 1, 0)).waitlist(2).build());
        Registration r = service.register(applicant(1), a.sessions().get(0).id());
        service.register(applicant(2), a.sessions().get(0).id());
        service.cancel(applicant(1), r.id());
        assertThat(f.audit.verify().ok()).isTrue();
        assertThat(f.audit.head().index()).isEqualTo(f.events.size());
        assertThat(f.audit.entriesFor("registration", r.id().value(), 0, 10)).extracting(e -> e.action())
                .containsExactly("registration.confirmed", "registration.cancelled");
    }
}
