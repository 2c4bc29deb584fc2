package io.gcam.profile;

import io.gcam.identity.IdentityDocument;
import io.gcam.identity.ResidencyStatus;
import io.gcam.profile.internal.Masks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a profile says about the applicant. Every single value may be absent (a profile fills up
 * over time; {@link Completeness} says what is missing); lists are never {@code null}.
 * {@link #toString()} masks every personal value.
 *
 * <p>Checked by {@link io.gcam.core.BeanValidation} on every save, with messages in English,
 * Traditional Chinese and Portuguese.
 *
 * @param nameInChinese the name in Chinese characters
 * @param familyName family name in Latin script (Portuguese or English spelling)
 * @param givenNames given names in Latin script
 * @param gender gender
 * @param dateOfBirth date of birth, in the past
 * @param nationality ISO 3166-1 alpha-2 code of the nationality, e.g. {@code PT}
 * @param residencyStatus residency status
 * @param document identity document (encrypted at rest, with a blind index for exact lookup)
 * @param email email address
 * @param phone phone number in E.164 form, e.g. {@code +85361234567}
 * @param address postal address
 * @param preferredLanguage language for messages
 * @param preferredChannel channel for messages
 * @param education qualifications
 * @param workExperience jobs
 * @param languageSkills languages spoken
 */
public record ProfileData(
        @Size(max = 100) @Nullable String nameInChinese,
        @Size(max = 100) @Nullable String familyName,
        @Size(max = 200) @Nullable String givenNames,
        @Nullable Gender gender,
        @Past @Nullable LocalDate dateOfBirth,
        @Pattern(regexp = "[A-Z]{2}", message = "{io.gcam.profile.country.code}") @Nullable String nationality,
        @Nullable ResidencyStatus residencyStatus,
        @Nullable IdentityDocument document,
        @Email @Size(max = 254) @Nullable String email,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "{io.gcam.profile.phone.e164}") @Nullable String phone,
        @Valid @Nullable Address address,
        @Nullable PreferredLanguage preferredLanguage,
        @Nullable ContactChannel preferredChannel,
        @Size(max = 20) List<@Valid Education> education,
        @Size(max = 30) List<@Valid WorkExperience> workExperience,
        @Size(max = 20) List<@Valid LanguageSkill> languageSkills) {

    /** A profile with nothing filled in. */
    public static final ProfileData EMPTY = builder().build();

    /** Copies the lists; {@code null} lists become empty. */
    public ProfileData {
        education = education == null ? List.of() : List.copyOf(education);
        workExperience = workExperience == null ? List.of() : List.copyOf(workExperience);
        languageSkills = languageSkills == null ? List.of() : List.copyOf(languageSkills);
    }

    /** @return a builder with nothing filled in */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this data, to change some of it */
    public Builder toBuilder() {
        return new Builder().nameInChinese(nameInChinese).familyName(familyName).givenNames(givenNames)
                .gender(gender).dateOfBirth(dateOfBirth).nationality(nationality).residencyStatus(residencyStatus)
                .document(document).email(email).phone(phone).address(address).preferredLanguage(preferredLanguage)
                .preferredChannel(preferredChannel).education(education).workExperience(workExperience)
                .languageSkills(languageSkills);
    }

    /** @return the data with every personal value masked */
    @Override
    public String toString() {
        return "ProfileData[nameInChinese=" + Masks.mask(nameInChinese) + ", familyName=" + Masks.mask(familyName)
                + ", givenNames=" + Masks.mask(givenNames) + ", gender=" + Masks.mask(gender)
                + ", dateOfBirth=" + Masks.mask(dateOfBirth) + ", nationality=" + Masks.mask(nationality)
                + ", residencyStatus=" + residencyStatus + ", document=" + document
                + ", email=" + Masks.mask(email) + ", phone=" + Masks.mask(phone) + ", address=" + Masks.mask(address)
                + ", preferredLanguage=" + preferredLanguage + ", preferredChannel=" + preferredChannel
                + ", education=" + Masks.count(education) + ", workExperience=" + Masks.count(workExperience)
                + ", languageSkills=" + Masks.count(languageSkills) + "]";
    }

    /** Builds {@link ProfileData}; every setting is optional. */
    public static final class Builder {
        private @Nullable String nameInChinese;
        private @Nullable String familyName;
        private @Nullable String givenNames;
        private @Nullable Gender gender;
        private @Nullable LocalDate dateOfBirth;
        private @Nullable String nationality;
        private @Nullable ResidencyStatus residencyStatus;
        private @Nullable IdentityDocument document;
        private @Nullable String email;
        private @Nullable String phone;
        private @Nullable Address address;
        private @Nullable PreferredLanguage preferredLanguage;
        private @Nullable ContactChannel preferredChannel;
        private List<Education> education = List.of();
        private List<WorkExperience> workExperience = List.of();
        private List<LanguageSkill> languageSkills = List.of();

        private Builder() {
        }

        /** @param value name in Chinese characters; @return this builder */
        public Builder nameInChinese(@Nullable String value) {
            this.nameInChinese = value;
            return this;
        }

        /** @param value family name in Latin script; @return this builder */
        public Builder familyName(@Nullable String value) {
            this.familyName = value;
            return this;
        }

        /** @param value given names in Latin script; @return this builder */
        public Builder givenNames(@Nullable String value) {
            this.givenNames = value;
            return this;
        }

        /** @param value gender; @return this builder */
        public Builder gender(@Nullable Gender value) {
            this.gender = value;
            return this;
        }

        /** @param value date of birth; @return this builder */
        public Builder dateOfBirth(@Nullable LocalDate value) {
            this.dateOfBirth = value;
            return this;
        }

        /** @param value ISO 3166-1 alpha-2 nationality; @return this builder */
        public Builder nationality(@Nullable String value) {
            this.nationality = value;
            return this;
        }

        /** @param value residency status; @return this builder */
        public Builder residencyStatus(@Nullable ResidencyStatus value) {
            this.residencyStatus = value;
            return this;
        }

        /** @param value identity document; @return this builder */
        public Builder document(@Nullable IdentityDocument value) {
            this.document = value;
            return this;
        }

        /** @param value email address; @return this builder */
        public Builder email(@Nullable String value) {
            this.email = value;
            return this;
        }

        /** @param value phone number in E.164; @return this builder */
        public Builder phone(@Nullable String value) {
            this.phone = value;
            return this;
        }

        /** @param value postal address; @return this builder */
        public Builder address(@Nullable Address value) {
            this.address = value;
            return this;
        }

        /** @param value preferred language; @return this builder */
        public Builder preferredLanguage(@Nullable PreferredLanguage value) {
            this.preferredLanguage = value;
            return this;
        }

        /** @param value preferred contact channel; @return this builder */
        public Builder preferredChannel(@Nullable ContactChannel value) {
            this.preferredChannel = value;
            return this;
        }

        /** @param value qualifications; @return this builder */
        public Builder education(List<Education> value) {
            this.education = Objects.requireNonNull(value, "education");
            return this;
        }

        /** @param value jobs; @return this builder */
        public Builder workExperience(List<WorkExperience> value) {
            this.workExperience = Objects.requireNonNull(value, "workExperience");
            return this;
        }

        /** @param value language skills; @return this builder */
        public Builder languageSkills(List<LanguageSkill> value) {
            this.languageSkills = Objects.requireNonNull(value, "languageSkills");
            return this;
        }

        /** @return the data */
        public ProfileData build() {
            return new ProfileData(nameInChinese, familyName, givenNames, gender, dateOfBirth, nationality,
                    residencyStatus, document, email, phone, address, preferredLanguage, preferredChannel, education,
                    workExperience, languageSkills);
        }
    }
}
