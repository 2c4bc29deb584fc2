package io.gcam.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.LocalizedText;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.registration.jdbc.JdbcRegistrationStore;
import io.gcam.testsupport.db.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The snippet of docs/modules/registration.md, compiled and run. */
class RegistrationQuickstartTest {

    @Test
    void registersTheFirstApplicantAndWaitlistsTheSecond() {
        DataSource pool = TestDatabases.h2().newPool(2);
        Instant now = Instant.parse("2026-03-02T01:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Actor admin = Actor.staff("admin-1", "SAFP", RegistrationService.ADMIN);

        // tag::quickstart[]
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "registration");
        LocalTransactions tx = LocalTransactions.over(pool);
        RegistrationService registrations = RegistrationService.builder()
                .store(new JdbcRegistrationStore(tx.dataSource()))
                .transactions(tx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                .events(SynchronousEventPublisher.create())
                .candidateNumbers(ReferenceNumberGenerator.builder().name("exam-candidate")
                        .format("EX[cy:yy]-[SEQ:5]-[CHK]").store(JdbcSequenceStore.create(pool))
                        .clock(clock).build())
                .applicantFacts(applicantId -> Optional.empty())   // wire to your profile module
                .clock(clock)
                .build();

        Activity exam = registrations.createActivity(admin, ActivityDefinition.builder()
                .agency("SAFP")
                .title(LocalizedText.of("Unified recruitment exam", "統一招聘考試", "Concurso unificado"))
                .session(new SessionDefinition(LocalizedText.of("Hall A", "A 禮堂", "Salão A"),
                        now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(30)).plus(Duration.ofHours(3)), 1))
                .registrationWindow(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(14)))
                .cancellationDeadline(now.plus(Duration.ofDays(21)))
                .waitlist(50)
                .build());
        registrations.open(admin, exam.id());

        SessionId hallA = exam.sessions().get(0).id();
        Registration first = registrations.register(Actor.applicant("citizen-1"), hallA);   // CONFIRMED, EX26-00001-..
        Registration second = registrations.register(Actor.applicant("citizen-2"), hallA);  // WAITLISTED, position 1
        Cancellation freed = registrations.cancel(Actor.applicant("citizen-1"), first.id()); // citizen-2 promoted
        // end::quickstart[]

        assertThat(first.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(first.candidateNumber()).startsWith("EX26-00001-");
        assertThat(second.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(second.waitlistPosition()).isEqualTo(1);
        assertThat(freed.promoted()).isNotNull();
        assertThat(freed.promoted().id()).isEqualTo(second.id());
        assertThat(freed.promoted().candidateNumber()).startsWith("EX26-00002-");
    }

    @Test
    void movesCancelsWithAReasonAndCancelsTheActivityWithItsRegistrations() {
        DataSource pool = TestDatabases.h2().newPool(2);
        Instant now = Instant.parse("2026-03-02T01:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Actor admin = Actor.staff("admin-1", "SAFP", RegistrationService.ADMIN);
        Actor officer = Actor.staff("officer-1", "SAFP", RegistrationService.OFFICER);
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "registration");
        LocalTransactions tx = LocalTransactions.over(pool);
        SynchronousEventPublisher events = SynchronousEventPublisher.create();
        RegistrationService registrations = RegistrationService.builder()
                .store(new JdbcRegistrationStore(tx.dataSource()))
                .transactions(tx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                .events(events)
                .candidateNumbers(ReferenceNumberGenerator.builder().name("exam-candidate")
                        .format("EX[cy:yy]-[SEQ:5]-[CHK]").store(JdbcSequenceStore.create(pool)).clock(clock).build())
                .clock(clock)
                .build();
        Instant day = now.plus(Duration.ofDays(30));
        Activity exam = registrations.createActivity(admin, ActivityDefinition.builder()
                .agency("SAFP")
                .title(LocalizedText.of("Unified recruitment exam", "統一招聘考試", "Concurso unificado"))
                .session(new SessionDefinition(LocalizedText.english("Hall A"), day, day.plus(Duration.ofHours(3)), 1))
                .session(new SessionDefinition(LocalizedText.english("Hall B"), day.plus(Duration.ofDays(1)),
                        day.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)), 1))
                .registrationWindow(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(14)))
                .cancellationDeadline(now.plus(Duration.ofDays(21)))
                .waitlist(50)
                .build());
        registrations.open(admin, exam.id());
        SessionId hallA = exam.sessions().get(0).id();
        SessionId hallB = exam.sessions().get(1).id();
        Registration first = registrations.register(Actor.applicant("citizen-1"), hallA);
        Registration second = registrations.register(Actor.applicant("citizen-2"), hallA);
        Registration third = registrations.register(Actor.applicant("citizen-3"), hallA);
        List<String> told = new ArrayList<>();

        // tag::changes[]
        // An applicant moves to a free seat of another session; the seat left goes to the first in line.
        Cancellation moved = registrations.changeSession(Actor.applicant("citizen-1"), first.id(), hallB);

        // Staff cancel a registration and say why: the audit entry and the event carry the reason.
        registrations.cancel(officer, second.id(), "Registered twice under two accounts");

        // Calling the activity off cancels every active registration in the same transaction, each
        // with a "registration.cancelled" event (cause "activity_cancelled") to notify the applicant.
        events.subscribe("registration.cancelled", event -> told.add(event.aggregateId()
                + " " + event.payload().get("cause") + ": " + event.payload().get("reason")));
        registrations.cancelActivity(admin, exam.id(), "The exam venue is unavailable");
        // end::changes[]

        assertThat(moved.registration().sessionId()).isEqualTo(hallB);
        assertThat(moved.promoted().id()).isEqualTo(second.id());
        assertThat(told).containsExactly(
                first.id().value() + " activity_cancelled: The exam venue is unavailable",
                third.id().value() + " activity_cancelled: The exam venue is unavailable");
        assertThat(registrations.counts(admin, exam.id(), null)).isEqualTo(new RegistrationCounts(0, 0, 3));
    }
}
