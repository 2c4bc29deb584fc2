package io.gcam.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OwnerRefTest {

    @Test
    void acceptsAnyIdentityProvidersSubjectIdUpTo255Characters() {
        String subject = "auth0|" + "x".repeat(249);

        assertThat(new OwnerRef("SAFP", "recruitment", "REC-2026-000001", subject).applicantId()).hasSize(255);
        assertThat(new OwnerRef("SAFP", "recruitment", "REC-2026-000001", "google-oauth2+1234=").applicantId())
                .isEqualTo("google-oauth2+1234=");
    }

    @Test
    void rejectsApplicantIdsThatAreTooLongOrHoldSpacesOrControlCharacters() {
        for (String bad : new String[] {"x".repeat(256), "two words", "line\nbreak", ""}) {
            assertThatThrownBy(() -> new OwnerRef("SAFP", "recruitment", "REC-1", bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("applicantId");
        }
    }

    @Test
    void keepsTheNarrowRuleForAgencyTypeAndReference() {
        assertThatThrownBy(() -> new OwnerRef("SAFP", "recruitment", "REC|1", "a-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference");
        assertThatThrownBy(() -> new OwnerRef("S".repeat(101), "recruitment", "REC-1", "a-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agency");
    }
}
