package io.gcam.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.gcam.core.Actor;
import io.gcam.core.AuditEntry;
import io.gcam.core.GcamException;
import io.gcam.identity.AssuranceLevel;
import io.gcam.identity.IdentityDocument;
import io.gcam.identity.IdentityDocumentType;
import io.gcam.identity.ResidencyStatus;
import io.gcam.identity.VerificationMethod;
import io.gcam.identity.VerifiedAttributes;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.testsupport.db.TestDatabases;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Seeds canary personal data, runs every profile operation (successes and refusals) with all
 * loggers at TRACE (the tests log through SLF4J to Logback, captured here), and scans every log
 * line with its stack trace, the audit trail and the events: no canary may appear anywhere.
 */
class ProfilePiiCanaryLogTest {

    static final String FAMILY = "CANARYFAMILYPX";
    static final String GIVEN = "CANARYGIVENPX";
    static final String CHINESE = "金絲雀檔案名";
    static final LocalDate BIRTH = LocalDate.of(1969, 11, 23);
    static final String ID_NUMBER = "57777777";
    static final String EMAIL = "canary.profile.px@example.org";
    static final String PHONE = "+85366554433";
    static final String STREET = "Rua Canario Px 9";
    static final String EMPLOYER = "CanaryEmployerPx";
    static final List<String> CANARIES = List.of(FAMILY, GIVEN, CHINESE, "1969-11-23", "19691123", ID_NUMBER,
            "canary.profile.px", "66554433", STREET, EMPLOYER, "canary-subject-px");

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
    void noCanaryAppearsInAnyLogLineAuditEntryOrEvent() {
        Fixture f = new Fixture(TestDatabases.h2().dataSource());
        ProfileService profiles = f.service;
        Actor owner = Actor.applicant("canary-subject-px");
        VerifiedIdentity identity = VerifiedIdentity.builder().subjectId("canary-subject-px")
                .method(VerificationMethod.OIDC).level(AssuranceLevel.HIGH)
                .attributes(VerifiedAttributes.builder().familyName(FAMILY).givenNames(GIVEN).nameInChinese(CHINESE)
                        .dateOfBirth(BIRTH).residencyStatus(ResidencyStatus.PERMANENT_RESIDENT)
                        .document(new IdentityDocument(IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD, ID_NUMBER))
                        .build())
                .verifiedAt(Fixture.T0.minusSeconds(5)).expiresAt(Fixture.T0.plus(Duration.ofHours(1))).build();

        Profile v1 = profiles.create(owner, identity, ProfileData.builder().email(EMAIL).phone(PHONE)
                .address(new Address(STREET, null, "Macau", null, null, "MO"))
                .workExperience(List.of(new WorkExperience(EMPLOYER, "Clerk", LocalDate.of(2001, 1, 1), null)))
                .build());
        Profile v2 = profiles.update(owner, v1.id(), 1, v1.data().toBuilder().gender(Gender.FEMALE).build());
        // refusals: stale version, locked field, invalid data, duplicate document, decrypt of a moved value
        assertThatThrownBy(() -> profiles.update(owner, v1.id(), 1, v1.data().toBuilder().nationality("MO").build()))
                .isInstanceOf(GcamException.class);
        assertThatThrownBy(() -> profiles.update(owner, v1.id(), 2, v2.data().toBuilder().familyName(GIVEN).build()))
                .isInstanceOf(ProfileException.class);
        assertThatThrownBy(() -> profiles.update(owner, v1.id(), 2, v2.data().toBuilder().phone("66554433").build()))
                .isInstanceOf(GcamException.class);
        assertThatThrownBy(() -> profiles.create(Actor.applicant("other"), ProfileFixtures.eid("other", ID_NUMBER),
                ProfileData.EMPTY)).isInstanceOf(ProfileException.class);
        Actor clerk = Actor.staff("clerk-1", "DSAJ", "clerk");
        assertThatThrownBy(() -> profiles.readForAgency(clerk, v1.id(), "recruitment"))
                .isInstanceOf(ProfileException.class);
        Consent consent = profiles.grantConsent(owner, "recruitment", "DSAJ");
        profiles.readForAgency(clerk, v1.id(), "recruitment");
        profiles.findIdByDocument(clerk, IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD, ID_NUMBER);
        ProfileSnapshot snapshot = profiles.attachSnapshot(owner, v1.id(), "APP-1", "DSAJ");
        profiles.snapshot(clerk, snapshot.id());
        profiles.withdrawConsent(owner, consent.id());
        assertThat(profiles.exportJson(owner)).contains(FAMILY);
        profiles.completeness(v2);
        profiles.history(owner, v1.id());
        profiles.erase(owner, v1.id());
        // what an application would log about the values
        LoggerFactory.getLogger(ProfilePiiCanaryLogTest.class).info("profile {} snapshot {} identity {}", v2, snapshot,
                identity);

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(lines).as("the test must have logged something").hasSizeGreaterThan(10);
        assertNoCanary("log", lines);

        List<String> audited = new ArrayList<>();
        for (AuditEntry entry : f.audit.entries(1, 1000)) {
            audited.add(entry.actor() + " " + entry.objectId() + " " + entry.details());
        }
        assertThat(audited).hasSizeGreaterThanOrEqualTo(10);
        assertNoCanary("audit", audited.stream().map(a -> a.replace("canary-subject-px", "")).toList());

        assertNoCanary("events", f.events.stream().map(Object::toString).toList());
    }

    private static void assertNoCanary(String where, List<String> texts) {
        for (String text : texts) {
            for (String canary : CANARIES) {
                assertThat(text.toLowerCase(Locale.ROOT)).as("%s line must not contain %s", where, canary)
                        .doesNotContain(canary.toLowerCase(Locale.ROOT));
            }
        }
    }
}
