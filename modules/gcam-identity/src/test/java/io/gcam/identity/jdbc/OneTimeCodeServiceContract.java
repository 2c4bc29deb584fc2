package io.gcam.identity.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.Actor;
import io.gcam.core.AuditEntry;
import io.gcam.core.AuditTrail;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.AssuranceLevel;
import io.gcam.identity.CodeChallenge;
import io.gcam.identity.CodeChannel;
import io.gcam.identity.OneTimeCodeException;
import io.gcam.identity.MutableClock;
import io.gcam.identity.OneTimeCodeService;
import io.gcam.identity.RecordingCodeSender;
import io.gcam.identity.VerificationMethod;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.identity.spi.StoredCode;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one-time code service on the JDBC store, run on H2 and PostgreSQL. */
abstract class OneTimeCodeServiceContract {

    static final Actor LOGIN = Actor.system("portal-login");
    static final String EMAIL = "Chan.Tai.Man@Example.org";

    abstract TestDatabase database();

    DataSource dataSource;
    JdbcOneTimeCodeStore store;
    AuditTrail audit;
    RecordingCodeSender sender;
    MutableClock clock;
    OneTimeCodeService service;

    @BeforeEach
    void setUp() {
        dataSource = database().dataSource();
        Migrations.migrate(dataSource, "core");
        Migrations.migrate(dataSource, "identity");
        LocalTransactions tx = LocalTransactions.over(dataSource);
        store = JdbcOneTimeCodeStore.create(tx.dataSource());
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        sender = new RecordingCodeSender();
        service = OneTimeCodeService.builder().store(store).sender(sender).clock(clock)
                .audit(audit).transactions(tx).maxAttempts(3).ttl(Duration.ofMinutes(5))
                .resendInterval(Duration.ofSeconds(60)).build();
    }

    @Test
    void verifiesTheCodeSentAndReturnsALowLevelIdentityWithTheEmail() {
        CodeChallenge challenge = service.issue(LOGIN, "applicant-1", CodeChannel.EMAIL, EMAIL, Locale.ENGLISH);
        assertThat(challenge.maskedDestination()).isEqualTo("c***@***.org");
        VerifiedIdentity identity = service.verify(LOGIN, challenge.challengeId(), sender.lastCode(), EMAIL);
        assertThat(identity.level()).isEqualTo(AssuranceLevel.LOW);
        assertThat(identity.method()).isEqualTo(VerificationMethod.EMAIL_CODE);
        assertThat(identity.attributes().email()).isEqualTo("chan.tai.man@example.org");
        assertThat(identity.subjectId()).isEqualTo("applicant-1");
    }

    @Test
    void storesOnlyASaltedHashOfTheCode() {
        CodeChallenge first = service.issue(LOGIN, "applicant-1", CodeChannel.EMAIL, EMAIL, Locale.ENGLISH);
        String code = sender.lastCode();
        StoredCode stored = store.find(first.challengeId()).orElseThrow();
        assertThat(stored.codeHash()).doesNotContain(code).startsWith("s256$");
        assertThat(stored.destinationKey()).doesNotContainIgnoringCase("example");
        assertThat(code).matches("[0-9]{6}");
    }

    @Test
    void acceptsACodeOnlyOnce() {
        CodeChallenge challenge = service.issue(LOGIN, "applicant-1", CodeChannel.EMAIL, EMAIL, Locale.ENGLISH);
        String code = sender.lastCode();
        service.verify(LOGIN, challenge.challengeId(), code, EMAIL);
        assertThatThrownBy(() -> service.verify(LOGIN, challenge.challengeId(), code, EMAIL))
                .isInstanceOfSatisfying(OneTimeCodeException.class, e -> assertThat(e.code()).isEqualTo("CODE_EXPIRED"));
    }

    @Test
    void rejectsACodeAfterItsTtl() {
        CodeChallenge challenge = service.issue(LOGIN, "applicant-1", CodeChannel.EMAIL, EMAIL, Locale.ENGLISH);
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> service.verify(LOGIN, challenge.challengeId(), sender.lastCode(), EMAIL))
                .isInstanceOfSatisfying(OneTimeCodeException.class, e -> assertThat(e.code()).isEqualTo("CODE_EXPIRED"));
    }

    @Test
    void locksTheCodeAfterMaxAttemptsEvenForTheRightCode() {
        CodeChallenge challenge = service.issue(LOGIN, "applicant-1", CodeChannel.EMAIL, EMAIL, Locale.ENGLISH);
        String right = sender.lastCode();
        String wrong = right.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() -> service.verify(LOGIN, challenge.challengeId(), wrong, EMAIL))
                .isInstanceOfSatisfying(OneTimeCodeException.class, e -> {
                    assertThat(e.code()).isEqualTo("CODE_INCORRECT");
                    assertThat(e.arguments()).containsExactly(2);
                });
        assertThatThrownBy(() -> service.verify(LOGIN, challenge.challengeId(), wrong, EMAIL))
                .isInstanceOfSatisfying(OneTimeCodeException.class, e -> assertThat(e.code()).isEqualTo("CODE_INCORRECT"));
        assertThatThrownBy(() -> service.verify(LOGIN, challenge.challengeId(), wrong, EMAIL))
                .isInstanceOfSatisfying(OneTimeCodeException.class, e -> assertThat(e.code()).isEqualTo("CODE_LOCKED"));
        assertThatThrownBy(() -> service.verify(LOGIN, challenge.challengeId(), right, EMAIL))
                .isInstanceOfSatisfying(OneTimeCodeException.class, e -> assertThat(e.code()).isEqualTo("CODE_LOCKED"));
        assertThat(store.find(challenge.challengeId()).orElseThrow().attempts()).isEqualTo(3);
    }

    @Test
    void rejectsAnUnknownOrMalformedChallengeAsExpired() {
        for (String challengeId : new String[] {"unknown-challenge", "bad id\n with control characters", "x".repeat(300)}) {
            assertThatThrownBy(() -> service.verify(LOGIN, challengeId, "123456", EMAIL))
                    .isInstanceOfSatisfying(OneTimeCodeException.class, e -> assertThat(e.code()).isEqualTo("CODE_EXPIRED"));
        }
    }

    @Test
    void rejectsTheRightCodeForAnotherDestination() {
        CodeChallenge challenge = service.issue(LOGIN, "applicant-1", CodeChannel.EMAIL, EMAIL, Locale.ENGLISH);
        assertThatThrownBy(() -> service.verify(LOGIN, challenge.challengeId(), sender.lastCode(), "other@example.org"))
                .isInstanceOfSatisfying(OneTimeCodeException.class, e -> assertThat(e.code()).isEqualTo("CODE_INCORRECT"));
    }

    @Test
    void throttlesResendsToTheSameDestination() {
        service.issue(LOGIN, "applicant-1", CodeChannel.EMAIL, EMAIL, Locale.ENGLISH);
        clock.advance(Duration.ofSeconds(20));
        assertThatThrownBy(() -> service.issue(LOGIN, "applicant-1", CodeChannel.EMAIL, EMAIL.toLowerCase(Locale.ROOT),
                Locale.ENGLISH))
                .isInstanceOfSatisfying(OneTimeCodeException.class, e -> {
                    assertThat(e.code()).isEqualTo("CODE_RESEND_TOO_SOON");
                    assertThat(e.arguments()).containsExactly(40L);
                });
        assertThat(sender.count()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(40));
        service.issue(LOGIN, "applicant-1", CodeChannel.EMAIL, EMAIL, Locale.ENGLISH);
        assertThat(sender.count()).isEqualTo(2);
    }

    @Test
    void auditsEveryAttemptWithoutTheCodeOrTheDestination() {
        CodeChallenge challenge = service.issue(LOGIN, "applicant-1", CodeChannel.EMAIL, EMAIL, Locale.ENGLISH);
        String code = sender.lastCode();
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() -> service.verify(LOGIN, challenge.challengeId(), wrong, EMAIL))
                .isInstanceOf(OneTimeCodeException.class);
        service.verify(LOGIN, challenge.challengeId(), code, EMAIL);
        List<AuditEntry> entries = audit.entriesFor("identity_code", challenge.challengeId(), 0, 10);
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("identity.code.issued", "identity.code.rejected", "identity.code.verified");
        assertThat(entries).allSatisfy(e -> assertThat(e.details()).doesNotContain(code, "example", "Chan"));
    }
}
