package io.gcam.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.BeanValidation;
import io.gcam.core.BlindIndex;
import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.core.FieldCipher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.profile.jdbc.JdbcProfileStore;
import io.gcam.testsupport.db.TestDatabases;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The snippet of docs/modules/profile.md, compiled and run. */
class ProfileDocsExampleTest {

    @Test
    void createsFromAVerifiedIdentityLocksItAndLetsAnAgencyReadWithConsent() {
        DataSource pool = TestDatabases.h2().dataSource();
        Clock clock = new MutableClock(ProfileFixtures.T0);
        VerifiedIdentity eid = ProfileFixtures.eid("applicant-42", "51234567"); // from gcam-identity's OIDC verifier
        byte[] encryptionKey = ProfileFixtures.key(1);
        byte[] indexKey = ProfileFixtures.key(2);
        // tag::profile[]
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "profile");
        LocalTransactions tx = LocalTransactions.over(pool);
        ProfileService profiles = ProfileService.builder()
                .store(JdbcProfileStore.create(tx.dataSource()))
                .cipher(FieldCipher.create(ConfiguredKeyProvider.of("enc-1", Map.of("enc-1", encryptionKey))))
                .blindIndex(BlindIndex.create(ConfiguredKeyProvider.of("idx-1", Map.of("idx-1", indexKey))))
                .validation(BeanValidation.create())
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                .clock(clock).transactions(tx)
                .build();

        Actor ana = Actor.applicant("applicant-42");
        Profile profile = profiles.create(ana, eid, ProfileData.builder().email("ana@example.mo").build());
        // names, birth date, ID card and residency came from the eID and are locked:
        assertThatThrownBy(() -> profiles.update(ana, profile.id(), 1,
                profile.data().toBuilder().familyName("WONG").build()))
                .isInstanceOf(ProfileException.class);                      // PROFILE_FIELD_LOCKED
        Profile v2 = profiles.update(ana, profile.id(), 1,
                profile.data().toBuilder().phone("+85361234567").build());  // version 2
        Completeness completeness = profiles.completeness(v2);               // percent() and missing()

        profiles.grantConsent(ana, "recruitment-2026", "DSAJ");
        Actor clerk = Actor.staff("clerk-7", "DSAJ", "clerk");
        Profile seen = profiles.readForAgency(clerk, profile.id(), "recruitment-2026");
        ProfileSnapshot frozen = profiles.attachSnapshot(ana, profile.id(), "APP-2026-000123", "DSAJ");
        // end::profile[]
        assertThat(v2.version()).isEqualTo(2);
        assertThat(completeness.percent()).isBetween(1, 99);
        assertThat(seen.data().phone()).isEqualTo("+85361234567");
        assertThat(frozen.profileVersion()).isEqualTo(2);
    }
}
