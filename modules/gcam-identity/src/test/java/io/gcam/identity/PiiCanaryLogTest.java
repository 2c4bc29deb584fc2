package io.gcam.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gcam.core.Actor;
import io.gcam.core.AuditEntry;
import io.gcam.core.AuditTrail;
import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.core.FieldCipher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.identity.jdbc.JdbcOneTimeCodeStore;
import io.gcam.identity.jdbc.JdbcUsedTimeStepStore;
import io.gcam.identity.jdbc.JdbcVerificationStore;
import io.gcam.testsupport.db.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Seeds canary personal data, runs every kind of verification (successes and failures) with all
 * loggers at TRACE, and scans every log line, the audit trail and the verification table.
 */
class PiiCanaryLogTest {

    static final String FAMILY = "CANARYFAMILYQX";
    static final String GIVEN = "CANARYGIVENQX";
    static final String CHINESE = "金絲雀測試名";
    static final String BIRTH = "1971-03-09";
    static final String EMAIL = "canary.mail.qx@example.org";
    static final String PHONE = "+85398765432";
    static final String HKID = "G123456A";
    static final String OIDC_SUB = "canary-sub-qx-7781";
    static final List<String> CANARIES = List.of(FAMILY, GIVEN, CHINESE, BIRTH, "19710309", "710309", "canary.mail.qx",
            "98765432", HKID, "G123456(A)", OIDC_SUB);

    ListAppender<ILoggingEvent> appender;
    Logger root;
    Level rootLevel;

    @BeforeEach
    void captureAllLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        for (Logger logger : context.getLoggerList()) {
            if (logger.getName().startsWith("io.gcam")) {
                logger.setLevel(null);
            }
        }
        appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void restore() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
    }

    @Test
    void noCanaryAppearsInLogsAuditOrClearTextColumns() throws Exception {
        DataSource ds = TestDatabases.h2().dataSource();
        Migrations.migrate(ds, "core");
        Migrations.migrate(ds, "identity");
        LocalTransactions tx = LocalTransactions.over(ds);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        AuditTrail audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        Actor login = Actor.system("portal-login");

        // One-time codes: issue, wrong, right, replay, throttled resend.
        RecordingCodeSender sender = new RecordingCodeSender();
        OneTimeCodeService codes = OneTimeCodeService.builder().store(JdbcOneTimeCodeStore.create(tx.dataSource()))
                .sender(sender).clock(clock).audit(audit).transactions(tx).build();
        CodeChallenge challenge = codes.issue(login, OIDC_SUB, CodeChannel.EMAIL, EMAIL, Locale.ENGLISH);
        String code = sender.lastCode();
        assertThatThrownBy(() -> codes.verify(login, challenge.challengeId(), code.equals("000000") ? "111111" : "000000",
                EMAIL)).isInstanceOf(OneTimeCodeException.class);
        VerifiedIdentity byEmail = codes.verify(login, challenge.challengeId(), code, EMAIL);
        assertThatThrownBy(() -> codes.verify(login, challenge.challengeId(), code, EMAIL))
                .isInstanceOf(OneTimeCodeException.class);
        codes.issue(login, OIDC_SUB, CodeChannel.SMS, PHONE, Locale.ENGLISH);
        assertThatThrownBy(() -> codes.issue(login, OIDC_SUB, CodeChannel.SMS, PHONE, Locale.ENGLISH))
                .isInstanceOf(OneTimeCodeException.class);

        // TOTP: accepted, replayed.
        Totp totp = Totp.builder().usedSteps(JdbcUsedTimeStepStore.create(ds)).clock(clock).build();
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        String otp = totp.generate(secret, clock.instant().getEpochSecond());
        totp.verify(OIDC_SUB, secret, otp);
        assertThatThrownBy(() -> totp.verify(OIDC_SUB, secret, otp)).isInstanceOf(OtpRejectedException.class);

        // OIDC: accepted, rejected (nonce), unknown key.
        VerifiedIdentity byEid;
        try (LocalJwksServer jwks = new LocalJwksServer()) {
            RSAKey key = new RSAKeyGenerator(2048).keyID("k1").keyUse(KeyUse.SIGNATURE).generate();
            jwks.publish(key);
            OidcIdTokenVerifier oidc = OidcIdTokenVerifier.builder().issuer("https://eid.example").clientId("portal")
                    .jwksUri(jwks.uri()).clock(clock).audit(audit)
                    .claimMapping(OidcClaimMapping.builder().nameInChinese("name_zh")
                            .document("hkid", IdentityDocumentType.HONG_KONG_IDENTITY_CARD)
                            .acr("high", AssuranceLevel.HIGH).build())
                    .build();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://eid.example").audience("portal")
                    .subject(OIDC_SUB).issueTime(Date.from(clock.instant()))
                    .expirationTime(Date.from(clock.instant().plusSeconds(300))).claim("nonce", "n1").claim("acr", "high")
                    .claim("family_name", FAMILY).claim("given_name", GIVEN).claim("name_zh", CHINESE)
                    .claim("birthdate", BIRTH).claim("email", EMAIL).claim("email_verified", true)
                    .claim("phone_number", PHONE).claim("phone_number_verified", true).claim("hkid", "G123456(A)")
                    .build();
            String token = OidcIdTokenVerifierTest.sign(key, JWSAlgorithm.RS256, claims);
            byEid = oidc.verify(login, token, "n1");
            assertThatThrownBy(() -> oidc.verify(login, token, "n2")).isInstanceOf(IdTokenRejectedException.class);
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("k9").generate();
            assertThatThrownBy(() -> oidc.verify(login, OidcIdTokenVerifierTest.sign(stranger, JWSAlgorithm.RS256, claims),
                    "n1")).isInstanceOf(IdTokenRejectedException.class);
        }

        // Documents: a rejected number.
        assertThatThrownBy(() -> IdentityDocuments.validate(IdentityDocumentType.HONG_KONG_IDENTITY_CARD, "G123456(3)"))
                .isInstanceOf(InvalidIdentityDocumentException.class);

        // Linking: two verifications, the strongest decides; a lower demand passes, nothing higher exists.
        FieldCipher cipher = FieldCipher.create(ConfiguredKeyProvider.of("k1", Map.of("k1", new byte[32])));
        IdentityLinks links = IdentityLinks.builder().store(JdbcVerificationStore.create(tx.dataSource()))
                .cipher(cipher).clock(clock).audit(audit).transactions(tx).build();
        links.link(login, OIDC_SUB, byEmail);
        links.link(login, OIDC_SUB, byEid);
        assertThat(links.require(Actor.applicant(OIDC_SUB), OIDC_SUB, AssuranceLevel.HIGH).method())
                .isEqualTo(VerificationMethod.OIDC);
        assertThat(links.verifications(login, OIDC_SUB)).hasSize(2);
        LoggerFactory.getLogger(PiiCanaryLogTest.class).info("identities: {} {}", byEid, byEmail);

        // Every log line, with its stack trace.
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(lines).as("the test must have logged something at DEBUG").hasSizeGreaterThan(10);
        assertNoCanary("log", lines);

        List<String> auditDetails = new ArrayList<>();
        for (AuditEntry entry : audit.entries(1, 1000)) {
            auditDetails.add(entry.objectId() + " " + entry.details());
        }
        assertThat(auditDetails).hasSizeGreaterThanOrEqualTo(9);
        assertNoCanary("audit", auditDetails);

        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("gcam_identity_verification", "gcam_identity_code")) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String column = rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT);
                            if (!column.equals("person_id") && !column.equals("subject_id")) {
                                rows.add(table + "." + column + "=" + rs.getString(i));
                            }
                        }
                    }
                }
            }
        }
        assertNoCanary("database", rows);
        assertThat(links.verifications(login, OIDC_SUB).get(1).attributes().familyName()).isEqualTo(FAMILY);
    }

    private static void assertNoCanary(String where, List<String> texts) {
        long occurrences = 0;
        List<String> offending = new ArrayList<>();
        for (String text : texts) {
            for (String canary : CANARIES) {
                if (text.contains(canary)) {
                    occurrences++;
                    offending.add(canary + " in: " + text.substring(0, Math.min(200, text.length())));
                }
            }
        }
        assertThat(occurrences).as("canary occurrences in %s: %s", where, offending).isZero();
    }
}
