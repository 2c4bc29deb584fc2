package io.gcam.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedIdentityTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static VerifiedIdentity identity(AssuranceLevel level, Instant verifiedAt, Duration validFor) {
        return VerifiedIdentity.builder()
                .subjectId("applicant-4711")
                .method(VerificationMethod.OIDC)
                .level(level)
                .attributes(VerifiedAttributes.builder()
                        .familyName("CHAN").givenNames("TAI MAN").nameInChinese("陳大文")
                        .dateOfBirth(LocalDate.of(1985, 7, 14))
                        .document(new IdentityDocument(IdentityDocumentType.HONG_KONG_IDENTITY_CARD, "A1234563"))
                        .residencyStatus(ResidencyStatus.PERMANENT_RESIDENT)
                        .email("tai.man.chan@example.org").phone("+85261234567")
                        .build())
                .verifiedAt(verifiedAt)
                .expiresAt(verifiedAt.plus(validFor))
                .build();
    }

    @Test
    void toStringShowsNoPersonalData() {
        String text = identity(AssuranceLevel.HIGH, NOW, Duration.ofHours(1)).toString();
        assertThat(text).doesNotContain("applicant-4711", "CHAN", "TAI MAN", "陳大文", "1985", "A1234563",
                "tai.man.chan", "61234567");
        assertThat(text).contains("level=HIGH", "method=OIDC", "PERMANENT_RESIDENT");
    }

    @Test
    void acceptsEqualOrHigherLevel() {
        VerifiedIdentity substantial = identity(AssuranceLevel.SUBSTANTIAL, NOW, Duration.ofHours(1));
        assertThat(AssuranceLevels.require(substantial, AssuranceLevel.LOW, NOW)).isSameAs(substantial);
        assertThat(AssuranceLevels.require(substantial, AssuranceLevel.SUBSTANTIAL, NOW)).isSameAs(substantial);
    }

    @Test
    void rejectsLowerLevelWithStepUpHint() {
        VerifiedIdentity low = identity(AssuranceLevel.LOW, NOW, Duration.ofHours(1));
        assertThatThrownBy(() -> AssuranceLevels.require(low, AssuranceLevel.HIGH, NOW))
                .isInstanceOfSatisfying(InsufficientAssuranceException.class, e -> {
                    assertThat(e.code()).isEqualTo("INSUFFICIENT_ASSURANCE");
                    assertThat(e.requiredLevel()).isEqualTo(AssuranceLevel.HIGH);
                    assertThat(e.heldLevel()).contains(AssuranceLevel.LOW);
                });
    }

    @Test
    void rejectsExpiredOrMissingIdentityAsHoldingNoLevel() {
        VerifiedIdentity high = identity(AssuranceLevel.HIGH, NOW, Duration.ofHours(1));
        Instant later = NOW.plus(Duration.ofHours(1));
        assertThatThrownBy(() -> AssuranceLevels.require(high, AssuranceLevel.LOW, later))
                .isInstanceOfSatisfying(InsufficientAssuranceException.class,
                        e -> assertThat(e.heldLevel()).isEmpty());
        assertThatThrownBy(() -> AssuranceLevels.require(null, AssuranceLevel.LOW, NOW))
                .isInstanceOf(InsufficientAssuranceException.class);
    }

    @Test
    void strongestValidVerificationDecidesTheLevel() {
        VerifiedIdentity expiredHigh = identity(AssuranceLevel.HIGH, NOW.minus(Duration.ofDays(2)), Duration.ofDays(1));
        VerifiedIdentity substantial = identity(AssuranceLevel.SUBSTANTIAL, NOW.minusSeconds(60), Duration.ofHours(1));
        VerifiedIdentity low = identity(AssuranceLevel.LOW, NOW.minusSeconds(30), Duration.ofDays(30));
        assertThat(AssuranceLevels.strongestValid(List.of(low, expiredHigh, substantial), NOW)).contains(substantial);
        assertThat(AssuranceLevels.strongestValid(List.of(expiredHigh), NOW)).isEmpty();
    }

    @Test
    void refusesExpiryNotAfterVerification() {
        assertThatThrownBy(() -> identity(AssuranceLevel.LOW, NOW, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
