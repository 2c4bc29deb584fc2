package io.gcam.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which ID-token claims become which {@link VerifiedAttributes}, and which {@code acr} values give
 * which {@link AssuranceLevel}. Defaults follow OpenID Connect Core 1.0, section 5.1
 * ({@code family_name}, {@code given_name}, {@code birthdate}, {@code email}, {@code phone_number});
 * a claim name of {@code null} leaves the attribute out. An email or phone number is taken only when
 * the provider marks it verified ({@code email_verified}, {@code phone_number_verified}).
 *
 * @param familyName claim of the family name
 * @param givenNames claim of the given names
 * @param nameInChinese claim of the name in Chinese characters
 * @param birthdate claim of the date of birth ({@code YYYY-MM-DD})
 * @param email claim of the email address
 * @param phone claim of the phone number
 * @param documentNumber claim of the identity document number
 * @param documentType type of that document
 * @param residencyStatus claim whose value is a {@link ResidencyStatus} name
 * @param acrLevels level given by each {@code acr} value
 * @param defaultLevel level when {@code acr} is absent or not in {@code acrLevels}
 */
public record OidcClaimMapping(
        @Nullable String familyName,
        @Nullable String givenNames,
        @Nullable String nameInChinese,
        @Nullable String birthdate,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String documentNumber,
        IdentityDocumentType documentType,
        @Nullable String residencyStatus,
        Map<String, AssuranceLevel> acrLevels,
        AssuranceLevel defaultLevel) {

    /** Copies the {@code acr} map. */
    public OidcClaimMapping {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(defaultLevel, "defaultLevel");
        acrLevels = Map.copyOf(acrLevels);
    }

    /** @return a builder with the OpenID Connect standard claims and default level LOW */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OidcClaimMapping}. */
    public static final class Builder {
        private @Nullable String familyName = "family_name";
        private @Nullable String givenNames = "given_name";
        private @Nullable String nameInChinese;
        private @Nullable String birthdate = "birthdate";
        private @Nullable String email = "email";
        private @Nullable String phone = "phone_number";
        private @Nullable String documentNumber;
        private IdentityDocumentType documentType = IdentityDocumentType.OTHER;
        private @Nullable String residencyStatus;
        private final Map<String, AssuranceLevel> acrLevels = new LinkedHashMap<>();
        private AssuranceLevel defaultLevel = AssuranceLevel.LOW;

        private Builder() {
        }

        /** @param claim claim name or {@code null}; @return this builder */
        public Builder familyName(@Nullable String claim) {
            this.familyName = claim;
            return this;
        }

        /** @param claim claim name or {@code null}; @return this builder */
        public Builder givenNames(@Nullable String claim) {
            this.givenNames = claim;
            return this;
        }

        /** @param claim claim name or {@code null}; @return this builder */
        public Builder nameInChinese(@Nullable String claim) {
            this.nameInChinese = claim;
            return this;
        }

        /** @param claim claim name or {@code null}; @return this builder */
        public Builder birthdate(@Nullable String claim) {
            this.birthdate = claim;
            return this;
        }

        /** @param claim claim name or {@code null}; @return this builder */
        public Builder email(@Nullable String claim) {
            this.email = claim;
            return this;
        }

        /** @param claim claim name or {@code null}; @return this builder */
        public Builder phone(@Nullable String claim) {
            this.phone = claim;
            return this;
        }

        /**
         * @param claim claim of the document number, or {@code null}
         * @param type the document's type; the number is checked with {@link IdentityDocuments}
         * @return this builder
         */
        public Builder document(@Nullable String claim, IdentityDocumentType type) {
            this.documentNumber = claim;
            this.documentType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** @param claim claim name or {@code null}; @return this builder */
        public Builder residencyStatus(@Nullable String claim) {
            this.residencyStatus = claim;
            return this;
        }

        /**
         * @param acr an {@code acr} value of the provider
         * @param level the level it gives
         * @return this builder
         */
        public Builder acr(String acr, AssuranceLevel level) {
            acrLevels.put(Objects.requireNonNull(acr, "acr"), Objects.requireNonNull(level, "level"));
            return this;
        }

        /** @param level level when {@code acr} is absent or unknown; @return this builder */
        public Builder defaultLevel(AssuranceLevel level) {
            this.defaultLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /** @return the mapping */
        public OidcClaimMapping build() {
            return new OidcClaimMapping(familyName, givenNames, nameInChinese, birthdate, email, phone,
                    documentNumber, documentType, residencyStatus, acrLevels, defaultLevel);
        }
    }
}
