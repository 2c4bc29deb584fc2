package io.gcam.identity.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.core.FieldCipher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.AssuranceLevel;
import io.gcam.identity.CodeChallenge;
import io.gcam.identity.CodeChannel;
import io.gcam.identity.IdentityLinks;
import io.gcam.identity.InsufficientAssuranceException;
import io.gcam.identity.OneTimeCodeService;
import io.gcam.identity.RecordingCodeSender;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.testsupport.db.TestDatabases;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The snippet of docs/modules/identity.md, compiled and run. */
class IdentityDocsExampleTest {

    @Test
    void emailCodeLoginGivesLowAssuranceAndAHigherDemandAsksForStepUp() {
        DataSource pool = TestDatabases.h2().dataSource();
        RecordingCodeSender mailer = new RecordingCodeSender();
        Clock clock = Clock.systemUTC();
        // tag::snippet[]
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "identity");
        LocalTransactions tx = LocalTransactions.over(pool);
        AuditTrail audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();

        OneTimeCodeService codes = OneTimeCodeService.builder()
                .store(JdbcOneTimeCodeStore.create(tx.dataSource()))
                .sender(mailer)                       // your CodeSender: email or SMS gateway
                .clock(clock).audit(audit).transactions(tx)
                .build();
        IdentityLinks links = IdentityLinks.builder()
                .store(JdbcVerificationStore.create(tx.dataSource()))
                .cipher(FieldCipher.create(ConfiguredKeyProvider.of("k1", Map.of("k1", new byte[32]))))
                .clock(clock).audit(audit).transactions(tx)
                .build();

        Actor login = Actor.system("portal-login");
        CodeChallenge challenge = codes.issue(login, "applicant-42", CodeChannel.EMAIL, "ana@example.org", Locale.ENGLISH);
        // ... the person reads the code from the email and types it in:
        VerifiedIdentity byEmail = codes.verify(login, challenge.challengeId(), mailer.lastCode(), "ana@example.org");
        links.link(login, "applicant-42", byEmail);

        Actor ana = Actor.applicant("applicant-42");
        links.require(ana, "applicant-42", AssuranceLevel.LOW);             // passes
        assertThatThrownBy(() -> links.require(ana, "applicant-42", AssuranceLevel.SUBSTANTIAL))
                .isInstanceOf(InsufficientAssuranceException.class);     // step up, e.g. with the eID
        // end::snippet[]
        assertThat(byEmail.level()).isEqualTo(AssuranceLevel.LOW);
    }
}
