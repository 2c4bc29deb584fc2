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

        // --- snippet start
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
        // --- snippet end

        assertThat(first.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(first.candidateNumber()).startsWith("EX26-00001-");
        assertThat(second.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(second.waitlistPosition()).isEqualTo(1);
        assertThat(freed.promoted()).isNotNull();
        assertThat(freed.promoted().id()).isEqualTo(second.id());
        assertThat(freed.promoted().candidateNumber()).startsWith("EX26-00002-");
    }
}
