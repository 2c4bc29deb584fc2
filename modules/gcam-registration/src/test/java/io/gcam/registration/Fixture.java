package io.gcam.registration;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.DomainEvent;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.LocalizedText;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.core.spi.EventPublisher;
import io.gcam.registration.jdbc.JdbcRegistrationStore;
import io.gcam.registration.spi.ApplicantFacts;
import io.gcam.registration.spi.ApplicantProfile;
import io.gcam.registration.spi.EligibilityRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** A registration service on a real database with real audit trail, sequences and idempotency. */
final class Fixture {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant OPENS = T0.plus(Duration.ofDays(1));
    static final Instant CLOSES = T0.plus(Duration.ofDays(10));
    static final Instant DEADLINE = T0.plus(Duration.ofDays(12));
    static final Instant EXAM = T0.plus(Duration.ofDays(20));

    static final Actor ADMIN = Actor.staff("admin-1", "SAFP", RegistrationService.ADMIN);
    static final Actor OFFICER = Actor.staff("officer-1", "SAFP", RegistrationService.OFFICER);
    static final Actor OTHER_AGENCY_ADMIN = Actor.staff("admin-9", "DSEDJ", RegistrationService.ADMIN);

    final MutableClock clock = new MutableClock(T0);
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final Map<String, ApplicantProfile> profiles = new ConcurrentHashMap<>();
    final DataSource pool;
    final LocalTransactions tx;
    final AuditTrail audit;
    final JdbcRegistrationStore store;
    final RegistrationService service;

    Fixture(DataSource pool, EligibilityRule... rules) {
        this(pool, true, rules);
    }

    Fixture(DataSource pool, boolean migrate, EligibilityRule... rules) {
        this.pool = pool;
        if (migrate) {
            Migrations.migrate(pool, "core");
            Migrations.migrate(pool, "registration");
        }
        tx = LocalTransactions.over(pool);
        audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        store = new JdbcRegistrationStore(tx.dataSource());
        ReferenceNumberGenerator numbers = ReferenceNumberGenerator.builder()
                .name("exam-candidate")
                .format("C[cy:yy]-[SEQ:5]-[CHK]")
                .store(JdbcSequenceStore.joining(tx.dataSource()))
                .clock(clock)
                .build();
        EventPublisher publisher = events::add;
        ApplicantFacts facts = id -> Optional.ofNullable(profiles.get(id));
        RegistrationService.Builder builder = RegistrationService.builder()
                .store(store)
                .transactions(tx)
                .audit(audit)
                .events(publisher)
                .candidateNumbers(numbers)
                .applicantFacts(facts)
                .idempotency(IdempotentExecutor.builder()
                        .store(new JdbcIdempotencyStore(tx.dataSource())).clock(clock).build())
                .clock(clock);
        for (EligibilityRule rule : rules) {
            builder.eligibilityRule(rule);
        }
        service = builder.build();
    }

    static SessionDefinition session(String venue, int capacity, int dayOffset) {
        Instant start = EXAM.plus(Duration.ofDays(dayOffset));
        return new SessionDefinition(LocalizedText.of(venue, "澳門理工大學 " + venue, "Escola " + venue), start,
                start.plus(Duration.ofHours(3)), capacity);
    }

    static ActivityDefinition.Builder exam() {
        return ActivityDefinition.builder()
                .agency("SAFP")
                .title(LocalizedText.of("Unified recruitment exam", "統一招聘考試", "Concurso unificado"))
                .category(ActivityCategory.EXAM)
                .registrationWindow(OPENS, CLOSES)
                .cancellationDeadline(DEADLINE)
                .requiredDocumentType("ID_CARD");
    }

    /** Creates and opens an activity, and moves the clock into its registration window. */
    Activity openActivity(ActivityDefinition definition) {
        Activity created = service.createActivity(ADMIN, definition);
        service.open(ADMIN, created.id());
        clock.set(OPENS.plus(Duration.ofHours(1)));
        return service.activity(ADMIN, created.id());
    }

    static Actor applicant(int n) {
        return Actor.applicant("applicant-" + n);
    }
}
