package io.gcam.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AuditEntry;
import io.gcam.core.GcamException;
import io.gcam.core.NotFoundException;
import io.gcam.core.ValidationException;
import io.gcam.identity.AssuranceLevel;
import io.gcam.identity.IdentityDocument;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.identity.IdentityDocumentType;
import io.gcam.identity.InvalidIdentityDocumentException;
import io.gcam.testsupport.db.TestDatabases;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileServiceTest {

    static final String ID_NUMBER = "51234567";
    Fixture f;
    ProfileService profiles;
    Actor ana = Fixture.applicant("ana");

    @BeforeEach
    void setUp() {
        f = new Fixture(TestDatabases.h2().dataSource());
        profiles = f.service;
    }

    private Profile anasProfile() {
        return profiles.create(ana, Fixture.eid("ana", ID_NUMBER), ProfileData.builder()
                .email("ana@example.mo").familyName("typed, replaced by the verified name").build());
    }

    @Test
    void copiesAndLocksTheVerifiedAttributesWhenCreatingFromAVerifiedIdentity() {
        Profile profile = anasProfile();

        assertThat(profile.version()).isEqualTo(1);
        assertThat(profile.data().familyName()).isEqualTo("CHAN");
        assertThat(profile.data().nameInChinese()).isEqualTo("陳大文");
        assertThat(profile.data().email()).isEqualTo("ana@example.mo");
        assertThat(profile.lockedFields()).containsExactlyInAnyOrder(ProfileField.FAMILY_NAME,
                ProfileField.GIVEN_NAMES, ProfileField.NAME_IN_CHINESE, ProfileField.DATE_OF_BIRTH,
                ProfileField.IDENTITY_DOCUMENT, ProfileField.RESIDENCY_STATUS);
        assertThat(profile.isLocked(ProfileField.EMAIL)).isFalse();
        assertThat(profiles.mine(ana)).contains(profile);
        assertThat(f.events).extracting(e -> e.type()).containsExactly("profile.created");
    }

    @Test
    void rejectsChangesToLockedFieldsAndKeepsTheProfile() {
        Profile profile = anasProfile();

        assertThatThrownBy(() -> profiles.update(ana, profile.id(), 1,
                profile.data().toBuilder().familyName("WONG").dateOfBirth(LocalDate.of(1991, 1, 1)).build()))
                .isInstanceOfSatisfying(ProfileException.class, e -> {
                    assertThat(e.code()).isEqualTo("PROFILE_FIELD_LOCKED");
                    assertThat(e.arguments().get(0).toString()).contains("FAMILY_NAME", "DATE_OF_BIRTH");
                });
        assertThat(profiles.get(ana, profile.id())).isEqualTo(profile);
    }

    @Test
    void savesANewVersionWithHistoryOfWhoChangedWhichFieldsWhen() {
        Profile v1 = anasProfile();
        f.clock.advance(Duration.ofMinutes(5));

        Profile v2 = profiles.update(ana, v1.id(), 1, v1.data().toBuilder().phone("+85361234567")
                .preferredLanguage(PreferredLanguage.PORTUGUESE).build());

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.updatedAt()).isEqualTo(Fixture.T0.plus(Duration.ofMinutes(5)));
        List<ProfileVersion> history = profiles.history(ana, v1.id());
        assertThat(history).extracting(ProfileVersion::version).containsExactly(1L, 2L);
        ProfileVersion change = history.get(1);
        assertThat(change.action()).isEqualTo("updated");
        assertThat(change.changedFields()).containsExactlyInAnyOrder(ProfileField.PHONE, ProfileField.PREFERRED_LANGUAGE);
        assertThat(change.actorKind()).isEqualTo("APPLICANT");
        assertThat(change.actorId()).isEqualTo("owner");
        assertThat(change.changedAt()).isEqualTo(v2.updatedAt());
        List<AuditEntry> audited = f.audit.entriesFor("profile", v1.id().value(), 0, 10);
        assertThat(audited).extracting(AuditEntry::action).containsExactly("profile.created", "profile.updated");
    }

    @Test
    void savingUnchangedDataCreatesNoVersion() {
        Profile v1 = anasProfile();
        assertThat(profiles.update(ana, v1.id(), 1, v1.data())).isEqualTo(v1);
        assertThat(profiles.history(ana, v1.id())).hasSize(1);
    }

    @Test
    void rejectsAStaleUpdateWithConflictAndKeepsTheWinningVersion() {
        Profile v1 = anasProfile();
        profiles.update(ana, v1.id(), 1, v1.data().toBuilder().phone("+85361234567").build());

        assertThatThrownBy(() -> profiles.update(ana, v1.id(), 1, v1.data().toBuilder().phone("+85368888888").build()))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("CONFLICT"));
        assertThat(profiles.get(ana, v1.id()).data().phone()).isEqualTo("+85361234567");
        assertThat(profiles.history(ana, v1.id())).hasSize(2);
    }

    @Test
    void reportsEveryConstraintViolationInThreeLanguages() {
        Profile v1 = anasProfile();
        ProfileData bad = v1.data().toBuilder().phone("28765432").email("not-an-email").nationality("Portugal")
                .workExperience(List.of(new WorkExperience("DSAJ", "Clerk", LocalDate.of(2020, 1, 1),
                        LocalDate.of(2019, 1, 1))))
                .build();

        assertThatThrownBy(() -> profiles.update(ana, v1.id(), 1, bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(ValidationException.Violation::field)
                            .containsExactly("email", "nationality", "phone", "workExperience[0].periodInOrder");
                    ValidationException.Violation phone = e.violations().get(2);
                    assertThat(phone.message().en()).contains("+85361234567").contains("international");
                    assertThat(phone.message().zhHant()).contains("國際電話號碼");
                    assertThat(phone.message().pt()).contains("número de telefone internacional");
                    assertThat(e.violations().get(0).message().zhHant()).contains("電郵");
                    assertThat(e.localizedMessage(Locale.ENGLISH)).doesNotContain("28765432", "not-an-email");
                });
    }

    @Test
    void checksAnEnteredIdentityDocumentNumberAgainstItsRules() {
        Profile created = profiles.create(ana, Fixture.eidWithoutDocument("ana"),
                ProfileData.EMPTY);
        ProfileData hk = created.data().toBuilder()
                .document(new IdentityDocument(IdentityDocumentType.HONG_KONG_IDENTITY_CARD, "A123456(4)")).build();

        assertThatThrownBy(() -> profiles.update(ana, created.id(), 1, hk))
                .isInstanceOf(InvalidIdentityDocumentException.class);
        Profile saved = profiles.update(ana, created.id(), 1, created.data().toBuilder()
                .document(new IdentityDocument(IdentityDocumentType.HONG_KONG_IDENTITY_CARD, "a123456(3)")).build());
        assertThat(saved.data().document().number()).isEqualTo("A1234563");
    }

    @Test
    void allowsOneProfilePerApplicantAndPerIdentityDocument() {
        anasProfile();
        assertThatThrownBy(() -> profiles.create(ana, Fixture.eid("ana", "59999999"), ProfileData.EMPTY))
                .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.code()).isEqualTo("PROFILE_EXISTS"));
        assertThatThrownBy(() -> profiles.create(Fixture.applicant("bob"), Fixture.eid("bob", ID_NUMBER),
                ProfileData.EMPTY)).isInstanceOfSatisfying(ProfileException.class,
                        e -> assertThat(e.code()).isEqualTo("PROFILE_DOCUMENT_IN_USE"));
    }

    @Test
    void refusesAnExpiredVerificationOrOneOfSomeoneElse() {
        assertThatThrownBy(() -> profiles.create(ana, Fixture.eid("bob", ID_NUMBER), ProfileData.EMPTY))
                .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.code()).isEqualTo("IDENTITY_NOT_VALID"));
        f.clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> profiles.create(ana, Fixture.eid("ana", ID_NUMBER), ProfileData.EMPTY))
                .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.code()).isEqualTo("IDENTITY_NOT_VALID"));
        assertThat(profiles.mine(ana)).isEmpty();
    }

    @Test
    void findsAProfileByIdentityDocumentThroughTheBlindIndex() {
        Profile profile = anasProfile();
        Actor clerk = Actor.staff("clerk-1", "DSAJ", "clerk");
        assertThat(profiles.findIdByDocument(clerk, IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD, "51234568"))
                .isEmpty();
        assertThat(profiles.findIdByDocument(clerk, IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD, "5123456-7"))
                .contains(profile.id());
        assertThat(profiles.findIdByDocument(clerk, IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD, " 51234567 "))
                .contains(profile.id());
        assertThatThrownBy(() -> profiles.findIdByDocument(ana, IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD,
                ID_NUMBER)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void reportsCompletenessWithTheMissingFields() {
        Profile profile = anasProfile();
        Completeness c = profiles.completeness(profile);
        assertThat(c.missing()).containsExactly(ProfileField.GENDER, ProfileField.NATIONALITY, ProfileField.PHONE,
                ProfileField.ADDRESS, ProfileField.PREFERRED_LANGUAGE, ProfileField.PREFERRED_CHANNEL,
                ProfileField.EDUCATION, ProfileField.LANGUAGE_SKILLS);
        assertThat(c.percent()).isEqualTo(6 * 100 / 14);
        assertThat(c.missing().get(0).label().pt()).isEqualTo("Género");

        Profile full = profiles.update(ana, profile.id(), 1, profile.data().toBuilder().gender(Gender.FEMALE)
                .nationality("CN").phone("+85361234567").address(new Address("Rua Central 1", null, "Macau", null, null, "MO"))
                .preferredLanguage(PreferredLanguage.TRADITIONAL_CHINESE).preferredChannel(ContactChannel.EMAIL)
                .education(List.of(new Education("University of Macau", "BA", null, 2012)))
                .languageSkills(List.of(new LanguageSkill("pt", Proficiency.B2))).build());
        assertThat(profiles.completeness(full)).isEqualTo(new Completeness(100, List.of()));
    }

    @Test
    void letsAnAgencyReadOnlyWithAConsentInForceForThePurpose() {
        Profile profile = anasProfile();
        Actor dsaj = Actor.staff("clerk-1", "DSAJ", "clerk");
        assertThatThrownBy(() -> profiles.readForAgency(dsaj, profile.id(), "recruitment"))
                .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.code()).isEqualTo("CONSENT_REQUIRED"));

        Consent consent = profiles.grantConsent(ana, "recruitment", "DSAJ");
        assertThat(profiles.readForAgency(dsaj, profile.id(), "recruitment").data()).isEqualTo(profile.data());
        assertThatThrownBy(() -> profiles.readForAgency(dsaj, profile.id(), "marketing"))
                .isInstanceOf(ProfileException.class);
        assertThatThrownBy(() -> profiles.readForAgency(Actor.staff("x", "IAS", "clerk"), profile.id(), "recruitment"))
                .isInstanceOf(ProfileException.class);
        assertThatThrownBy(() -> profiles.get(dsaj, profile.id())).isInstanceOf(AccessDeniedException.class);

        f.clock.advance(Duration.ofMinutes(1));
        Consent withdrawn = profiles.withdrawConsent(ana, consent.id());
        assertThat(withdrawn.withdrawnAt()).isEqualTo(f.clock.instant());
        assertThatThrownBy(() -> profiles.readForAgency(dsaj, profile.id(), "recruitment"))
                .isInstanceOf(ProfileException.class);
        assertThat(f.audit.entriesFor("profile", profile.id().value(), 0, 20)).extracting(AuditEntry::action)
                .contains("profile.read.refused", "profile.read", "profile.consent.granted", "profile.consent.withdrawn");
    }

    @Test
    void aSnapshotStaysFrozenAndIsReadableByTheApplicationsAgencyOnly() {
        Profile v1 = anasProfile();
        ProfileSnapshot snapshot = profiles.attachSnapshot(ana, v1.id(), "APP-2026-000123", "DSAJ");
        profiles.update(ana, v1.id(), 1, v1.data().toBuilder().email("new@example.mo").build());

        ProfileSnapshot read = profiles.snapshot(Actor.staff("clerk-1", "DSAJ", "clerk"), snapshot.id());
        assertThat(read.data().email()).isEqualTo("ana@example.mo");
        assertThat(read.profileVersion()).isEqualTo(1);
        assertThat(read.retainUntil()).isAfter(Fixture.T0.plus(Duration.ofDays(365 * 7)));
        assertThatThrownBy(() -> profiles.snapshot(Actor.staff("x", "IAS", "clerk"), snapshot.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> profiles.snapshot(Fixture.applicant("bob"), snapshot.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> profiles.attachSnapshot(ana, v1.id(), "APP-2026-000123", "DSAJ"))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("CONFLICT"));
    }

    @Test
    void exportsTheOwnersProfileAsJson() throws Exception {
        Profile v1 = anasProfile();
        profiles.grantConsent(ana, "recruitment", "DSAJ");
        profiles.attachSnapshot(ana, v1.id(), "APP-1", "DSAJ");

        JsonNode json = new ObjectMapper().readTree(profiles.exportJson(ana));

        assertThat(json.get("format").asText()).isEqualTo("gcam-profile-export/1");
        assertThat(json.get("profileId").asText()).isEqualTo(v1.id().value());
        assertThat(json.at("/data/nameInChinese").asText()).isEqualTo("陳大文");
        assertThat(json.at("/data/dateOfBirth").asText()).isEqualTo("1990-05-17");
        assertThat(json.at("/data/document/number").asText()).isEqualTo(ID_NUMBER);
        assertThat(json.get("history")).hasSize(1);
        assertThat(json.at("/consents/0/agency").asText()).isEqualTo("DSAJ");
        assertThat(json.at("/snapshots/0/applicationRef").asText()).isEqualTo("APP-1");
        assertThatThrownBy(() -> profiles.exportJson(Actor.staff("clerk-1", "DSAJ", "clerk")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void erasureRemovesPersonalDataButKeepsSnapshotsUnderRetention() {
        Profile v1 = anasProfile();
        profiles.grantConsent(ana, "recruitment", "DSAJ");
        ProfileSnapshot retained = profiles.attachSnapshot(ana, v1.id(), "APP-1", "DSAJ");

        ErasureReport report = profiles.erase(ana, v1.id());

        assertThat(report.consentsWithdrawn()).isEqualTo(1);
        assertThat(report.snapshotsRetained()).extracting(ErasureReport.RetainedSnapshot::snapshotId)
                .containsExactly(retained.id());
        assertThat(profiles.mine(ana)).isEmpty();
        Profile erased = profiles.get(Actor.system("dpo"), v1.id());
        assertThat(erased.status()).isEqualTo(ProfileStatus.ERASED);
        assertThat(erased.data()).isEqualTo(ProfileData.EMPTY);
        assertThat(erased.subjectId()).doesNotContain("ana");
        assertThat(profiles.history(Actor.system("dpo"), v1.id())).extracting(ProfileVersion::actorId)
                .doesNotContain("ana");
        assertThat(profiles.snapshot(Actor.staff("clerk-1", "DSAJ", "clerk"), retained.id()).data().familyName())
                .isEqualTo("CHAN");
        assertThat(profiles.findIdByDocument(Actor.system("dpo"), IdentityDocumentType.MACAU_RESIDENT_IDENTITY_CARD,
                ID_NUMBER)).isEmpty();
        // the applicant may start again
        assertThat(profiles.create(ana, Fixture.eid("ana", ID_NUMBER), ProfileData.EMPTY).id()).isNotEqualTo(v1.id());

        f.clock.advance(Duration.ofDays(365 * 8));
        assertThat(profiles.purgeExpiredSnapshots(Actor.system("retention-job"))).isEqualTo(1);
        assertThatThrownBy(() -> profiles.snapshot(Actor.system("dpo"), retained.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aLaterEidVerificationLocksMoreFieldsAndRaisesTheLevel() {
        VerifiedIdentity byEmail = VerifiedIdentity.builder().subjectId("ana")
                .method(io.gcam.identity.VerificationMethod.EMAIL_CODE).level(AssuranceLevel.LOW)
                .attributes(io.gcam.identity.VerifiedAttributes.builder().email("ana@example.mo").build())
                .verifiedAt(Fixture.T0.minusSeconds(5)).expiresAt(Fixture.T0.plus(Duration.ofHours(1))).build();
        Profile v1 = profiles.create(ana, byEmail, ProfileData.builder().familyName("Chan").build());
        assertThat(v1.lockedFields()).containsExactly(ProfileField.EMAIL);
        assertThat(v1.assuranceLevel()).isEqualTo(AssuranceLevel.LOW);

        Profile v2 = profiles.applyVerification(ana, v1.id(), 1, Fixture.eid("ana", ID_NUMBER));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.assuranceLevel()).isEqualTo(AssuranceLevel.SUBSTANTIAL);
        assertThat(v2.data().familyName()).isEqualTo("CHAN");
        assertThat(v2.data().email()).isEqualTo("ana@example.mo");
        assertThat(v2.lockedFields()).contains(ProfileField.EMAIL, ProfileField.FAMILY_NAME,
                ProfileField.IDENTITY_DOCUMENT);
        assertThat(profiles.history(ana, v1.id()).get(1).action()).isEqualTo("verified");
        assertThatThrownBy(() -> profiles.applyVerification(ana, v1.id(), 2, Fixture.eid("bob", ID_NUMBER)))
                .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.code()).isEqualTo("IDENTITY_NOT_VALID"));
        assertThatThrownBy(() -> profiles.applyVerification(ana, v1.id(), 1, Fixture.eid("ana", ID_NUMBER)))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("CONFLICT"));
        assertThat(profiles.applyVerification(ana, v1.id(), 2, Fixture.eid("ana", ID_NUMBER))).isEqualTo(v2);
    }

    @Test
    void anotherApplicantCannotSeeOrChangeTheProfile() {
        Profile v1 = anasProfile();
        Actor bob = Fixture.applicant("bob");
        assertThatThrownBy(() -> profiles.get(bob, v1.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> profiles.update(bob, v1.id(), 1, ProfileData.EMPTY)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> profiles.history(bob, v1.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> profiles.erase(bob, v1.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void toStringMasksEveryPersonalValue() {
        Profile profile = anasProfile();
        String text = profile.toString() + profile.data().address() + new Address("Rua 1", null, "Macau", null, "999", "MO");
        assertThat(text).doesNotContain("CHAN", "Tai Man", "陳大文", "1990", ID_NUMBER, "ana@example.mo", "ana",
                "Rua 1", "999");
        assertThat(text).contains("MACAU_RESIDENT_IDENTITY_CARD", "SUBSTANTIAL");
        assertThat(Set.of(profile.lockedFields())).isNotEmpty();
    }
}
