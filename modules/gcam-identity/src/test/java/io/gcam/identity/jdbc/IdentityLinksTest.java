package io.gcam.identity.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.core.FieldCipher;
import io.gcam.core.GcamException;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.AssuranceLevel;
import io.gcam.identity.IdentityLinks;
import io.gcam.identity.InsufficientAssuranceException;
import io.gcam.identity.MutableClock;
import io.gcam.identity.VerificationMethod;
import io.gcam.identity.VerifiedAttributes;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.testsupport.db.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentityLinksTest {

    static final String PERSON = "applicant-7";
    DataSource ds;
    MutableClock clock;
    IdentityLinks links;

    @BeforeEach
    void setUp() {
        ds = TestDatabases.h2().dataSource();
        Migrations.migrate(ds, "identity");
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        links = IdentityLinks.builder().store(JdbcVerificationStore.create(ds))
                .cipher(FieldCipher.create(ConfiguredKeyProvider.of("k1", Map.of("k1", new byte[32]))))
                .clock(clock).build();
    }

    VerifiedIdentity identity(AssuranceLevel level, Duration validFor) {
        return VerifiedIdentity.builder().subjectId("sub-" + level).method(VerificationMethod.OIDC).level(level)
                .attributes(VerifiedAttributes.builder().familyName("CHAN").build())
                .verifiedAt(clock.instant()).expiresAt(clock.instant().plus(validFor)).build();
    }

    @Test
    void strongestValidVerificationDecidesAndFallsBackWhenItExpires() {
        Actor me = Actor.applicant(PERSON);
        links.link(me, PERSON, identity(AssuranceLevel.LOW, Duration.ofDays(30)));
        links.link(me, PERSON, identity(AssuranceLevel.HIGH, Duration.ofHours(1)));
        assertThat(links.require(me, PERSON, AssuranceLevel.HIGH).level()).isEqualTo(AssuranceLevel.HIGH);
        clock.advance(Duration.ofHours(1));
        assertThat(links.strongest(me, PERSON)).hasValueSatisfying(v -> assertThat(v.level()).isEqualTo(AssuranceLevel.LOW));
        assertThatThrownBy(() -> links.require(me, PERSON, AssuranceLevel.SUBSTANTIAL))
                .isInstanceOfSatisfying(InsufficientAssuranceException.class, e -> {
                    assertThat(e.requiredLevel()).isEqualTo(AssuranceLevel.SUBSTANTIAL);
                    assertThat(e.heldLevel()).contains(AssuranceLevel.LOW);
                });
    }

    @Test
    void anotherApplicantOrStaffCannotLinkOrRead() {
        links.link(Actor.system("login"), PERSON, identity(AssuranceLevel.LOW, Duration.ofDays(1)));
        assertThatThrownBy(() -> links.verifications(Actor.applicant("someone-else"), PERSON))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> links.link(Actor.staff("clerk", "SAFP", "officer"), PERSON,
                identity(AssuranceLevel.HIGH, Duration.ofDays(1)))).isInstanceOf(AccessDeniedException.class);
        assertThat(links.verifications(Actor.applicant(PERSON), PERSON)).hasSize(1);
    }

    @Test
    void storesAttributesEncryptedSoACopiedCiphertextFailsToDecrypt() throws Exception {
        links.link(Actor.system("login"), PERSON, identity(AssuranceLevel.LOW, Duration.ofDays(1)));
        links.link(Actor.system("login"), "applicant-8", identity(AssuranceLevel.HIGH, Duration.ofDays(1)));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT attributes FROM gcam_identity_verification");
            while (rs.next()) {
                assertThat(rs.getString(1)).doesNotContain("CHAN");
            }
            s.executeUpdate("UPDATE gcam_identity_verification SET attributes = (SELECT attributes FROM"
                    + " gcam_identity_verification WHERE person_id = 'applicant-8') WHERE person_id = '" + PERSON + "'");
        }
        assertThatThrownBy(() -> links.verifications(Actor.system("login"), PERSON))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("DECRYPTION_FAILED"));
    }
}
