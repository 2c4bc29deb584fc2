package io.gcam.samples.portal.registration;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.LocalizedText;
import io.gcam.core.PageRequest;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.registration.Activity;
import io.gcam.registration.ActivityCategory;
import io.gcam.registration.ActivityDefinition;
import io.gcam.registration.EligibilityCriteria;
import io.gcam.registration.RegistrationService;
import io.gcam.registration.SessionDefinition;
import io.gcam.registration.jdbc.JdbcRegistrationStore;
import io.gcam.registration.spi.ApplicantFacts;
import io.gcam.registration.spi.ApplicantProfile;
import io.gcam.rest.registration.RegistrationResources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires gcam-registration into the portal. */
public final class RegistrationWiring {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationWiring.class);

    /** The facts of the demo applicants: applicant3 is too young for the seeded exam. */
    static final Map<String, ApplicantProfile> DEMO_FACTS = Map.of(
            "demo-applicant1", ApplicantProfile.of("demo-applicant1", LocalDate.of(1995, 5, 10), "PERMANENT", 5),
            "demo-applicant2", ApplicantProfile.of("demo-applicant2", LocalDate.of(1990, 11, 2), "NON_PERMANENT", 4),
            "demo-applicant3", ApplicantProfile.of("demo-applicant3", LocalDate.of(2011, 1, 20), "PERMANENT", 3));

    private RegistrationWiring() {
    }

    /**
     * Creates the registration tables, the service and (in demo mode) the seeded exam.
     *
     * @param pool the portal's connection pool
     * @param clock the portal's clock
     * @param demo whether to seed the demo exam and use the demo applicant facts
     * @return the REST resources and the registration pages to register
     */
    public static Set<Object> resources(DataSource pool, Clock clock, boolean demo) {
        return resources(pool, clock, demo, ApplicantFacts.NONE);
    }

    /**
     * Like {@link #resources(DataSource, Clock, boolean)}, with the eligibility facts of applicants
     * other than the demo applicants (for example from their profiles).
     *
     * @param pool the portal's connection pool
     * @param clock the portal's clock
     * @param demo whether to seed the demo exam and know the demo applicants' facts
     * @param others the facts of every other applicant
     * @return the resources to register
     */
    public static Set<Object> resources(DataSource pool, Clock clock, boolean demo, ApplicantFacts others) {
        Migrations.migrate(pool, "registration");
        LocalTransactions tx = LocalTransactions.over(pool);
        ApplicantFacts facts = demo ? id -> Optional.ofNullable(DEMO_FACTS.get(id)).or(() -> others.find(id)) : others;
        RegistrationService service = RegistrationService.builder()
                .store(new JdbcRegistrationStore(tx.dataSource()))
                .transactions(tx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                .events(SynchronousEventPublisher.create())
                .candidateNumbers(ReferenceNumberGenerator.builder()
                        .name("exam-candidate")
                        .format("EX[cy:yy]-[SEQ:5]-[CHK]")
                        .store(JdbcSequenceStore.create(pool))
                        .clock(clock)
                        .build())
                .applicantFacts(facts)
                .clock(clock)
                .build();
        if (demo) {
            seed(service, clock);
        }
        Set<Object> resources = new HashSet<>(RegistrationResources.create(service));
        resources.add(new RegistrationPages.ApplicantPage(service));
        resources.add(new RegistrationPages.StaffPage());
        return resources;
    }

    /** Seeds the open "Unified recruitment exam" with small sessions, unless the agency has an activity. */
    static void seed(RegistrationService service, Clock clock) {
        Actor seeder = Actor.system("portal-demo-seed");
        if (service.activities(Actor.staff("portal-demo-seed", "SAFP", RegistrationService.ADMIN), PageRequest.first())
                .total() > 0) {
            return;
        }
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant examDay = today.plus(Duration.ofDays(45)).plus(Duration.ofHours(1));
        Activity exam = service.createActivity(seeder, ActivityDefinition.builder()
                .agency("SAFP")
                .title(LocalizedText.of("Unified recruitment exam", "統一招聘考試", "Concurso de recrutamento unificado"))
                .description(LocalizedText.of("Written exam of the unified recruitment for technicians.",
                        "技術員統一招聘筆試。", "Prova escrita do recrutamento unificado de técnicos."))
                .category(ActivityCategory.EXAM)
                .session(new SessionDefinition(LocalizedText.of("Macao Polytechnic University, Hall A",
                        "澳門理工大學 A 禮堂", "Universidade Politécnica de Macau, Salão A"), examDay,
                        examDay.plus(Duration.ofHours(3)), 2))
                .session(new SessionDefinition(LocalizedText.of("Macao Polytechnic University, Hall B",
                        "澳門理工大學 B 禮堂", "Universidade Politécnica de Macau, Salão B"), examDay.plus(Duration.ofDays(1)),
                        examDay.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)), 1))
                .registrationWindow(today.minus(Duration.ofDays(1)), today.plus(Duration.ofDays(30)))
                .cancellationDeadline(today.plus(Duration.ofDays(35)))
                .waitlist(3)
                .requiredDocumentType("ACADEMIC_CERTIFICATE")
                .eligibility(EligibilityCriteria.builder()
                        .age(18, 45, LocalDate.ofInstant(examDay, java.time.ZoneOffset.UTC))
                        .residencyStatuses("PERMANENT", "NON_PERMANENT")
                        .minimumQualificationLevel(4)
                        .build())
                .build());
        service.open(seeder, exam.id());
        LOG.info("Seeded the demo exam {}", exam.id());
    }
}
