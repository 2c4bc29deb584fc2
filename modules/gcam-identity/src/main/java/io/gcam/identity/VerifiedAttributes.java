package io.gcam.identity;

import io.gcam.identity.internal.Pii;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The attributes a verification vouched for. Any of them may be absent: an email code verifies only
 * the email address, an eID usually verifies names, date of birth and the identity document.
 * {@link #toString()} masks every value.
 *
 * <p>This record is the hand-over to a personal profile: a profile created from a
 * {@link VerifiedIdentity} copies these values and locks them against editing.
 *
 * @param familyName family name (surname), as verified
 * @param givenNames given names, as verified
 * @param nameInChinese the name in Chinese characters, as verified
 * @param dateOfBirth date of birth
 * @param document identity document type and number
 * @param residencyStatus residency status
 * @param email email address whose control was shown
 * @param phone phone number (E.164, e.g. {@code +85361234567}) whose control was shown
 */
public record VerifiedAttributes(
        @Nullable String familyName,
        @Nullable String givenNames,
        @Nullable String nameInChinese,
        @Nullable LocalDate dateOfBirth,
        @Nullable IdentityDocument document,
        @Nullable ResidencyStatus residencyStatus,
        @Nullable String email,
        @Nullable String phone) {

    /** No verified attributes. */
    public static final VerifiedAttributes NONE = builder().build();

    /** @return a builder with every attribute absent */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the attributes with every value masked */
    @Override
    public String toString() {
        return "VerifiedAttributes[familyName=" + Pii.mask(familyName) + ", givenNames=" + Pii.mask(givenNames)
                + ", nameInChinese=" + Pii.mask(nameInChinese)
                + ", dateOfBirth=" + (dateOfBirth == null ? null : "****-**-**")
                + ", document=" + document + ", residencyStatus=" + residencyStatus
                + ", email=" + Pii.maskEmail(email) + ", phone=" + Pii.mask(phone) + "]";
    }

    /** Builds {@link VerifiedAttributes}; every setting is optional. */
    public static final class Builder {
        private @Nullable String familyName;
        private @Nullable String givenNames;
        private @Nullable String nameInChinese;
        private @Nullable LocalDate dateOfBirth;
        private @Nullable IdentityDocument document;
        private @Nullable ResidencyStatus residencyStatus;
        private @Nullable String email;
        private @Nullable String phone;

        private Builder() {
        }

        /** @param value family name; @return this builder */
        public Builder familyName(@Nullable String value) {
            this.familyName = value;
            return this;
        }

        /** @param value given names; @return this builder */
        public Builder givenNames(@Nullable String value) {
            this.givenNames = value;
            return this;
        }

        /** @param value name in Chinese characters; @return this builder */
        public Builder nameInChinese(@Nullable String value) {
            this.nameInChinese = value;
            return this;
        }

        /** @param value date of birth; @return this builder */
        public Builder dateOfBirth(@Nullable LocalDate value) {
            this.dateOfBirth = value;
            return this;
        }

        /** @param value identity document; @return this builder */
        public Builder document(@Nullable IdentityDocument value) {
            this.document = value;
            return this;
        }

        /** @param value residency status; @return this builder */
        public Builder residencyStatus(@Nullable ResidencyStatus value) {
            this.residencyStatus = value;
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

        /** @return the attributes */
        public VerifiedAttributes build() {
            return new VerifiedAttributes(familyName, givenNames, nameInChinese, dateOfBirth, document,
                    residencyStatus, email, phone);
        }
    }
}
