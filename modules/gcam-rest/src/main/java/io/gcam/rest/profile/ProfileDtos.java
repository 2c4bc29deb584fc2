package io.gcam.rest.profile;

import io.gcam.core.LocalizedText;
import io.gcam.identity.IdentityDocument;
import io.gcam.identity.ResidencyStatus;
import io.gcam.profile.Address;
import io.gcam.profile.Completeness;
import io.gcam.profile.Consent;
import io.gcam.profile.ContactChannel;
import io.gcam.profile.Education;
import io.gcam.profile.Gender;
import io.gcam.profile.LanguageSkill;
import io.gcam.profile.PreferredLanguage;
import io.gcam.profile.Profile;
import io.gcam.profile.ProfileData;
import io.gcam.profile.ProfileField;
import io.gcam.profile.ProfileVersion;
import io.gcam.profile.WorkExperience;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the profile API. */
public final class ProfileDtos {

    private ProfileDtos() {
    }

    /**
     * One job, as the API shows and takes it.
     *
     * @param employer the employer
     * @param position the job title
     * @param from first day
     * @param to last day, {@code null} while the job continues
     */
    public record WorkExperienceDto(String employer, String position, LocalDate from, @Nullable LocalDate to) {
    }

    /**
     * The profile's data, as the API shows and takes it; the fields of {@link ProfileData}.
     *
     * @param nameInChinese name in Chinese characters
     * @param familyName family name in Latin script
     * @param givenNames given names in Latin script
     * @param gender gender
     * @param dateOfBirth date of birth
     * @param nationality ISO 3166-1 alpha-2 code
     * @param residencyStatus residency status
     * @param document identity document ({@code type}, {@code number})
     * @param email email address
     * @param phone phone number in E.164
     * @param address postal address
     * @param preferredLanguage preferred language
     * @param preferredChannel preferred contact channel
     * @param education qualifications ({@code null} means none)
     * @param workExperience jobs ({@code null} means none)
     * @param languageSkills languages ({@code null} means none)
     */
    public record ProfileDataDto(
            @Nullable String nameInChinese,
            @Nullable String familyName,
            @Nullable String givenNames,
            @Nullable Gender gender,
            @Nullable LocalDate dateOfBirth,
            @Nullable String nationality,
            @Nullable ResidencyStatus residencyStatus,
            @Nullable IdentityDocument document,
            @Nullable String email,
            @Nullable String phone,
            @Nullable Address address,
            @Nullable PreferredLanguage preferredLanguage,
            @Nullable ContactChannel preferredChannel,
            @Nullable List<Education> education,
            @Nullable List<WorkExperienceDto> workExperience,
            @Nullable List<LanguageSkill> languageSkills) {

        /**
         * @param data profile data
         * @return its API form
         */
        public static ProfileDataDto of(ProfileData data) {
            return new ProfileDataDto(data.nameInChinese(), data.familyName(), data.givenNames(), data.gender(),
                    data.dateOfBirth(), data.nationality(), data.residencyStatus(), data.document(), data.email(),
                    data.phone(), data.address(), data.preferredLanguage(), data.preferredChannel(), data.education(),
                    data.workExperience().stream()
                            .map(w -> new WorkExperienceDto(w.employer(), w.position(), w.from(), w.to())).toList(),
                    data.languageSkills());
        }

        /** @return the profile data */
        public ProfileData toData() {
            return ProfileData.builder().nameInChinese(nameInChinese).familyName(familyName).givenNames(givenNames)
                    .gender(gender).dateOfBirth(dateOfBirth).nationality(nationality).residencyStatus(residencyStatus)
                    .document(document).email(email).phone(phone).address(address).preferredLanguage(preferredLanguage)
                    .preferredChannel(preferredChannel)
                    .education(education == null ? List.of() : education)
                    .workExperience(workExperience == null ? List.of() : workExperience.stream()
                            .map(w -> new WorkExperience(w.employer(), w.position(), w.from(), w.to())).toList())
                    .languageSkills(languageSkills == null ? List.of() : languageSkills)
                    .build();
        }
    }

    /**
     * A field still missing, with its label in three languages.
     *
     * @param field the field's name ({@link ProfileField})
     * @param label its label
     */
    public record MissingField(String field, LocalizedText label) {
    }

    /**
     * How complete the profile is.
     *
     * @param percent 0 to 100
     * @param missing the fields still empty
     */
    public record CompletenessDto(int percent, List<MissingField> missing) {

        static CompletenessDto of(Completeness c) {
            return new CompletenessDto(c.percent(),
                    c.missing().stream().map(f -> new MissingField(f.name(), f.label())).toList());
        }
    }

    /**
     * The profile as the API shows it to its owner.
     *
     * @param id the profile id
     * @param version the version; send it back with {@code PUT}
     * @param status {@code ACTIVE} or {@code ERASED}
     * @param assuranceLevel level of the verification behind the locked fields
     * @param lockedFields fields the owner cannot edit
     * @param data the data
     * @param completeness completeness and missing fields
     * @param createdAt when created
     * @param updatedAt when this version was saved
     */
    public record ProfileDto(String id, long version, String status, String assuranceLevel, List<String> lockedFields,
            ProfileDataDto data, CompletenessDto completeness, Instant createdAt, Instant updatedAt) {

        static ProfileDto of(Profile p, Completeness completeness) {
            return new ProfileDto(p.id().value(), p.version(), p.status().name(), p.assuranceLevel().name(),
                    p.lockedFields().stream().sorted().map(Enum::name).toList(), ProfileDataDto.of(p.data()),
                    CompletenessDto.of(completeness), p.createdAt(), p.updatedAt());
        }
    }

    /**
     * The body of {@code PUT /api/v1/me/profile}.
     *
     * @param version the version the change is based on (from the last {@code GET})
     * @param data the complete new data, locked fields unchanged
     */
    public record ProfileUpdate(long version, ProfileDataDto data) {
    }

    /**
     * One history entry.
     *
     * @param version the version it produced
     * @param action {@code created}, {@code updated} or {@code erased}
     * @param changedFields the fields that changed
     * @param actorKind {@code APPLICANT}, {@code STAFF} or {@code SYSTEM}
     * @param actorId {@code owner} for the applicant, else the acting id
     * @param changedAt when
     */
    public record VersionDto(long version, String action, List<String> changedFields, String actorKind, String actorId,
            Instant changedAt) {

        static VersionDto of(ProfileVersion v) {
            return new VersionDto(v.version(), v.action(), v.changedFields().stream().sorted().map(Enum::name).toList(),
                    v.actorKind(), v.actorId(), v.changedAt());
        }
    }

    /**
     * The body of {@code POST /api/v1/me/consents}.
     *
     * @param purpose what the agency may use the profile for
     * @param agency the agency code
     */
    public record NewConsent(String purpose, String agency) {
    }

    /**
     * A consent as the API shows it.
     *
     * @param id the consent id
     * @param purpose the purpose
     * @param agency the agency
     * @param grantedAt when given
     * @param withdrawnAt when withdrawn, {@code null} while in force
     */
    public record ConsentDto(String id, String purpose, String agency, Instant grantedAt, @Nullable Instant withdrawnAt) {

        static ConsentDto of(Consent c) {
            return new ConsentDto(c.id().value(), c.purpose(), c.agency(), c.grantedAt(), c.withdrawnAt());
        }
    }
}
