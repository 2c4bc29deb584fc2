package io.gcam.profile;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.BeanValidation;
import io.gcam.core.BlindIndex;
import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.core.DomainEvent;
import io.gcam.core.FieldCipher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.AssuranceLevel;
import io.gcam.identity.IdentityDocument;
import io.gcam.identity.IdentityDocumentType;
import io.gcam.identity.ResidencyStatus;
import io.gcam.identity.VerificationMethod;
import io.gcam.identity.VerifiedAttributes;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.profile.jdbc.JdbcProfileStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** A profile service on a real database, with audit, events and transactions. */
final class Fixture {

    static final Instant T0 = ProfileFixtures.T0;
    static final BeanValidation VALIDATION = ProfileFixtures.VALIDATION;

    final DataSource dataSource;
    final LocalTransactions tx;
    final MutableClock clock = new MutableClock(T0);
    final AuditTrail audit;
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final ProfileService service;

    Fixture(DataSource dataSource) {
        this.dataSource = dataSource;
        Migrations.migrate(dataSource, "core");
        Migrations.migrate(dataSource, "profile");
        this.tx = LocalTransactions.over(dataSource);
        this.audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        this.service = service(tx);
    }

    ProfileService service(LocalTransactions transactions) {
        return ProfileService.builder()
                .store(JdbcProfileStore.create(transactions.dataSource()))
                .cipher(cipher())
                .blindIndex(blindIndex())
                .validation(VALIDATION)
                .clock(clock)
                .events(events::add)
                .audit(audit)
                .transactions(transactions)
                .build();
    }

    static FieldCipher cipher() {
        return ProfileFixtures.cipher();
    }

    static BlindIndex blindIndex() {
        return ProfileFixtures.blindIndex();
    }

    static Actor applicant(String subject) {
        return Actor.applicant(subject);
    }

    static VerifiedIdentity eid(String subject, String idNumber) {
        return ProfileFixtures.eid(subject, idNumber);
    }

    /** An eID verification of names only. */
    static VerifiedIdentity eidWithoutDocument(String subject) {
        VerifiedIdentity full = eid(subject, "51234567");
        return VerifiedIdentity.builder().subjectId(subject).method(full.method()).level(full.level())
                .attributes(VerifiedAttributes.builder().familyName("CHAN").givenNames("Tai Man").build())
                .verifiedAt(full.verifiedAt()).expiresAt(full.expiresAt()).build();
    }
}
