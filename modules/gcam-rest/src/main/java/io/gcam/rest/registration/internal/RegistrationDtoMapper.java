package io.gcam.rest.registration.internal;

import io.gcam.registration.Activity;
import io.gcam.registration.AdmissionSlip;
import io.gcam.registration.EligibilityCriteria;
import io.gcam.registration.Registration;
import io.gcam.registration.RegistrationCounts;
import io.gcam.registration.Session;
import io.gcam.registration.SessionDefinition;
import io.gcam.rest.registration.RegistrationDtos.ActivityDto;
import io.gcam.rest.registration.RegistrationDtos.AdmissionSlipDto;
import io.gcam.rest.registration.RegistrationDtos.CountsDto;
import io.gcam.rest.registration.RegistrationDtos.NewEligibility;
import io.gcam.rest.registration.RegistrationDtos.NewSession;
import io.gcam.rest.registration.RegistrationDtos.RegistrationDto;
import io.gcam.rest.registration.RegistrationDtos.SessionDto;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mapstruct.BeanMapping;
import org.mapstruct.Builder;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Maps gcam-registration's values to the JSON bodies of the registration API and back. Applicants
 * never see applicant ids ({@link #toDto}); staff views do ({@link #toStaffDto}).
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface RegistrationDtoMapper {

    /** The generated mapper. */
    RegistrationDtoMapper INSTANCE = Mappers.getMapper(RegistrationDtoMapper.class);

    /**
     * @param session a session with its counters
     * @return its view
     */
    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "venue", source = "definition.venue")
    @Mapping(target = "startsAt", source = "definition.startsAt")
    @Mapping(target = "endsAt", source = "definition.endsAt")
    @Mapping(target = "capacity", source = "definition.capacity")
    @Mapping(target = "freeSeats", expression = "java(session.freeSeats())")
    SessionDto toDto(Session session);

    /**
     * @param activity an activity
     * @return its view, sessions included
     */
    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "agency", source = "definition.agency")
    @Mapping(target = "category", source = "definition.category")
    @Mapping(target = "title", source = "definition.title")
    @Mapping(target = "description", source = "definition.description")
    @Mapping(target = "registrationOpens", source = "definition.registrationOpens")
    @Mapping(target = "registrationCloses", source = "definition.registrationCloses")
    @Mapping(target = "cancellationDeadline", source = "definition.cancellationDeadline")
    @Mapping(target = "maxSessionsPerApplicant", source = "definition.maxSessionsPerApplicant")
    @Mapping(target = "waitlistEnabled", source = "definition.waitlistEnabled")
    @Mapping(target = "requiredDocumentType", source = "definition.requiredDocumentType")
    ActivityDto toDto(Activity activity);

    /**
     * @param registration a registration
     * @return its view for the applicant: without the applicant id
     */
    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "activityId", source = "activityId.value")
    @Mapping(target = "sessionId", source = "sessionId.value")
    @Mapping(target = "applicantId", ignore = true)
    RegistrationDto toDto(Registration registration);

    /**
     * @param registration a registration
     * @return its view for staff: with the applicant id
     */
    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "activityId", source = "activityId.value")
    @Mapping(target = "sessionId", source = "sessionId.value")
    RegistrationDto toStaffDto(Registration registration);

    /**
     * @param slip an admission slip
     * @return its view
     */
    @Mapping(target = "registrationId", source = "registrationId.value")
    AdmissionSlipDto toDto(AdmissionSlip slip);

    /**
     * @param counts counts by status
     * @return their view
     */
    CountsDto toDto(RegistrationCounts counts);

    /**
     * @param session a session of a new activity whose members are all present
     * @return its definition
     */
    SessionDefinition toDefinition(NewSession session);

    /**
     * @param eligibility the eligibility conditions of a new activity
     * @return the criteria; absent residency statuses admit every status
     */
    @BeanMapping(builder = @Builder(disableBuilder = true))
    @Mapping(target = "residencyStatuses", expression = "java(statuses(eligibility.residencyStatuses()))")
    EligibilityCriteria toCriteria(NewEligibility eligibility);

    /**
     * @param statuses residency statuses, or {@code null}
     * @return them, or the empty set
     */
    default Set<String> statuses(@Nullable Set<String> statuses) {
        return statuses == null ? Set.of() : statuses;
    }
}
