package io.gcam.rest.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.LocalizedText;
import io.gcam.registration.Activity;
import io.gcam.registration.ActivityCategory;
import io.gcam.registration.ActivityDefinition;
import io.gcam.registration.ActivityId;
import io.gcam.registration.ActivityStatus;
import io.gcam.registration.AdmissionSlip;
import io.gcam.registration.EligibilityCriteria;
import io.gcam.registration.Registration;
import io.gcam.registration.RegistrationCounts;
import io.gcam.registration.RegistrationId;
import io.gcam.registration.RegistrationStatus;
import io.gcam.registration.Session;
import io.gcam.registration.SessionDefinition;
import io.gcam.registration.SessionId;
import io.gcam.rest.registration.RegistrationDtos.ActivityDto;
import io.gcam.rest.registration.RegistrationDtos.AdmissionSlipDto;
import io.gcam.rest.registration.RegistrationDtos.CountsDto;
import io.gcam.rest.registration.RegistrationDtos.NewEligibility;
import io.gcam.rest.registration.RegistrationDtos.NewSession;
import io.gcam.rest.registration.RegistrationDtos.RegistrationDto;
import io.gcam.rest.registration.RegistrationDtos.SessionDto;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The MapStruct mapping between gcam-registration's values and the registration API's bodies. */
class RegistrationDtoMapperTest {

    private static final RegistrationDtoMapper MAPPER = RegistrationDtoMapper.INSTANCE;
    private static final Instant NOW = Instant.parse("2026-03-05T02:00:00Z");
    private static final LocalizedText HALL = LocalizedText.of("Hall A", "A 禮堂", "Salão A");
    private static final ActivityId ACTIVITY = new ActivityId("0190a0b2-0000-7000-8000-000000000001");
    private static final SessionId SESSION = new SessionId("0190a0b2-0000-7000-8000-000000000002");

    private static Session session(int capacity, int taken, int waitlisted) {
        return new Session(SESSION, ACTIVITY, new SessionDefinition(HALL, NOW.plus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(30)).plusSeconds(7200), capacity), taken, waitlisted);
    }

    @Test
    void mapsSessionWithItsFreeSeats() {
        SessionDto dto = MAPPER.toDto(session(10, 7, 2));

        assertThat(dto).isEqualTo(new SessionDto(SESSION.value(), HALL, NOW.plus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(30)).plusSeconds(7200), 10, 3, 2));
    }

    @Test
    void mapsActivityWithDefinitionStatusAndSessions() {
        ActivityDefinition definition = ActivityDefinition.builder()
                .agency("SAFP")
                .title(LocalizedText.of("Unified exam", "統一招聘考試", "Concurso"))
                .description(LocalizedText.english("Written exam"))
                .category(ActivityCategory.COURSE)
                .session(session(10, 0, 0).definition())
                .registrationWindow(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(10)))
                .cancellationDeadline(NOW.plus(Duration.ofDays(20)))
                .maxSessionsPerApplicant(2)
                .waitlist(5)
                .requiredDocumentType("ACADEMIC_CERTIFICATE")
                .build();
        Activity activity = new Activity(ACTIVITY, ActivityStatus.OPEN, definition, List.of(session(10, 10, 1)), NOW);

        ActivityDto dto = MAPPER.toDto(activity);

        assertThat(dto).isEqualTo(new ActivityDto(ACTIVITY.value(), "SAFP", "OPEN", "COURSE", definition.title(),
                definition.description(), definition.registrationOpens(), definition.registrationCloses(),
                definition.cancellationDeadline(), 2, true, "ACADEMIC_CERTIFICATE",
                List.of(MAPPER.toDto(session(10, 10, 1)))));
        assertThat(dto.sessions().get(0).freeSeats()).isZero();
    }

    @Test
    void hidesTheApplicantIdFromApplicantsAndShowsItToStaff() {
        Registration waitlisted = new Registration(new RegistrationId("0190a0b2-0000-7000-8000-000000000003"), ACTIVITY,
                SESSION, "applicant-7", RegistrationStatus.WAITLISTED, null, 4, NOW, null);

        RegistrationDto forApplicant = MAPPER.toDto(waitlisted);
        RegistrationDto forStaff = MAPPER.toStaffDto(waitlisted);

        assertThat(forApplicant).isEqualTo(new RegistrationDto("0190a0b2-0000-7000-8000-000000000003",
                ACTIVITY.value(), SESSION.value(), "WAITLISTED", null, 4, NOW, null, null));
        assertThat(forStaff.applicantId()).isEqualTo("applicant-7");
        assertThat(forStaff).usingRecursiveComparison().ignoringFields("applicantId").isEqualTo(forApplicant);
    }

    @Test
    void mapsCancelledConfirmedRegistrationWithCandidateNumberAndCancellationTime() {
        Registration cancelled = new Registration(new RegistrationId("0190a0b2-0000-7000-8000-000000000004"), ACTIVITY,
                SESSION, "applicant-8", RegistrationStatus.CANCELLED, "EX26-00001-52", null, NOW,
                NOW.plusSeconds(60));

        RegistrationDto dto = MAPPER.toDto(cancelled);

        assertThat(dto.status()).isEqualTo("CANCELLED");
        assertThat(dto.candidateNumber()).isEqualTo("EX26-00001-52");
        assertThat(dto.waitlistPosition()).isNull();
        assertThat(dto.cancelledAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void mapsAdmissionSlipAndCounts() {
        AdmissionSlip slip = new AdmissionSlip(new RegistrationId("0190a0b2-0000-7000-8000-000000000005"),
                "EX26-00002-25", LocalizedText.english("Unified exam"), HALL, NOW, NOW.plusSeconds(3600));

        assertThat(MAPPER.toDto(slip)).isEqualTo(new AdmissionSlipDto("0190a0b2-0000-7000-8000-000000000005",
                "EX26-00002-25", LocalizedText.english("Unified exam"), HALL, NOW, NOW.plusSeconds(3600)));
        assertThat(MAPPER.toDto(new RegistrationCounts(3, 2, 1))).isEqualTo(new CountsDto(3, 2, 1));
    }

    @Test
    void mapsNewSessionAndEligibilityToTheirDefinitions() {
        NewSession session = new NewSession(HALL, NOW, NOW.plusSeconds(3600), 40);
        NewEligibility withoutStatuses = new NewEligibility(18, 45, LocalDate.of(2026, 6, 1), null, 4);
        NewEligibility withStatuses = new NewEligibility(null, null, null, Set.of("PERMANENT"), null);

        assertThat(MAPPER.toDefinition(session)).isEqualTo(new SessionDefinition(HALL, NOW, NOW.plusSeconds(3600), 40));
        assertThat(MAPPER.toCriteria(withoutStatuses))
                .isEqualTo(new EligibilityCriteria(18, 45, LocalDate.of(2026, 6, 1), Set.of(), 4));
        assertThat(MAPPER.toCriteria(withStatuses))
                .isEqualTo(new EligibilityCriteria(null, null, null, Set.of("PERMANENT"), null));
    }
}
