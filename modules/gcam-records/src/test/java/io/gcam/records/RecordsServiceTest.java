package io.gcam.records;

import static io.gcam.records.Fixture.AGENCY;
import static io.gcam.records.Fixture.CLASS;
import static io.gcam.records.Fixture.CLEARED;
import static io.gcam.records.Fixture.CLERK;
import static io.gcam.records.Fixture.CLERK_2;
import static io.gcam.records.Fixture.OFFICER;
import static io.gcam.records.Fixture.OTHER_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.testsupport.db.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordsServiceTest {

    private HikariDataSource pool;
    private Fixture f;
    private RecordsService records;

    @BeforeEach
    void setUp() {
        pool = TestDatabases.h2().newPool(4);
        f = new Fixture(pool).filePlan();
        records = f.records;
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    @Test
    void registersARecordWhoseChainOfCustodyStartsWithItsRegistration() {
        ManagedRecord record = f.register("Appointment letter", SecurityLevel.INTERNAL);

        assertThat(record.reference()).startsWith("RM-2026-");
        assertThat(record.owner()).isEqualTo(new Custodian(AGENCY, "HR"));
        assertThat(record.custodian()).isEqualTo(record.owner());
        List<CustodyEvent> chain = records.custody(CLERK, record.id(), 0, 100);
        assertThat(chain).extracting(CustodyEvent::action).containsExactly(CustodyAction.REGISTERED);
        assertThat(chain.get(0).details()).contains("\"classification\":\"HR.RECRUITMENT\"");
        assertThat(f.events).extracting(DomainEvent::type).contains("records.registered");
        assertThat(f.audit.verify().ok()).isTrue();
    }

    @Test
    void refusesAClassOutsideTheFilePlanAndStoresNothing() {
        assertThatThrownBy(() -> records.register(CLERK,
                NewRecord.builder(LocalizedText.english("x"), "NO.SUCH.CLASS").build()))
                .isInstanceOfSatisfying(GcamException.class,
                        e -> assertThat(e.code()).isEqualTo("CLASSIFICATION_UNKNOWN"));
        assertThat(records.search(OFFICER, RecordQuery.all(), PageRequest.first()).total()).isZero();
    }

    @Test
    void refusesToRegisterARecordAboveTheRegistrarsOwnClearance() {
        assertThatThrownBy(() -> records.register(CLERK, NewRecord.builder(LocalizedText.english("x"), CLASS)
                .securityLevel(SecurityLevel.CONFIDENTIAL).build()))
                .isInstanceOfSatisfying(GcamException.class,
                        e -> assertThat(e.code()).isEqualTo("CLEARANCE_INSUFFICIENT"));
    }

    @Test
    void aReaderWithoutClearanceGetsTheSameNotFoundForAConfidentialRecordAsForAMissingOne() {
        ManagedRecord secret = f.register("Disciplinary file", SecurityLevel.CONFIDENTIAL);
        RecordId missing = new RecordId(UUID.randomUUID().toString());

        GcamException hidden = catchGcam(() -> records.find(CLERK, secret.id()));
        GcamException absent = catchGcam(() -> records.find(CLERK, missing));

        assertThat(hidden).isInstanceOf(NotFoundException.class);
        assertThat(hidden.code()).isEqualTo(absent.code());
        assertThat(hidden.getMessage().replace(secret.id().value(), "ID"))
                .isEqualTo(absent.getMessage().replace(missing.value(), "ID"));
        assertThat(catchGcam(() -> records.custody(CLERK, secret.id(), 0, 10))).isInstanceOf(NotFoundException.class);
        assertThat(catchGcam(() -> records.versions(CLERK, secret.id()))).isInstanceOf(NotFoundException.class);
        assertThat(catchGcam(() -> records.verifyCustody(CLERK, secret.id()))).isInstanceOf(NotFoundException.class);
        assertThat(catchGcam(() -> records.checkOut(CLERK, secret.id(), "edit"))).isInstanceOf(NotFoundException.class);
        // The cleared colleague sees it, and the refused reads left no trace in its chain.
        assertThat(records.find(CLEARED, secret.id()).id()).isEqualTo(secret.id());
        assertThat(records.custody(CLEARED, secret.id(), 0, 10)).extracting(CustodyEvent::action)
                .containsExactly(CustodyAction.REGISTERED, CustodyAction.VIEWED);
    }

    @Test
    void searchNeverReturnsNorCountsRecordsAboveTheReadersClearance() {
        for (int i = 0; i < 3; i++) {
            f.register("Public notice " + i, SecurityLevel.PUBLIC);
            f.register("Confidential report " + i, SecurityLevel.CONFIDENTIAL);
        }
        f.register("Secret report", SecurityLevel.SECRET);

        Page<ManagedRecord> clerkView = records.search(CLERK, RecordQuery.all(), PageRequest.of(0, 2));
        assertThat(clerkView.total()).isEqualTo(3);
        assertThat(clerkView.items()).hasSize(2);
        Page<ManagedRecord> second = records.search(CLERK, RecordQuery.all(), PageRequest.of(1, 2));
        assertThat(second.items()).hasSize(1);
        assertThat(List.of(clerkView.items(), second.items()).stream().flatMap(List::stream))
                .allSatisfy(r -> assertThat(r.securityLevel()).isEqualTo(SecurityLevel.PUBLIC));

        assertThat(records.search(CLERK, RecordQuery.builder().keyword("report").build(), PageRequest.first()).total())
                .isZero();
        assertThat(records.search(CLEARED, RecordQuery.builder().keyword("report").build(), PageRequest.first()).total())
                .isEqualTo(3);
        assertThat(records.search(OFFICER, RecordQuery.builder().keyword("REPORT").build(), PageRequest.first()).total())
                .isEqualTo(4);
        assertThat(records.search(OTHER_AGENCY, RecordQuery.all(), PageRequest.first()).total()).isZero();
    }

    @Test
    void searchFiltersByClassSubtreeKeywordStatusAndDates() {
        ManagedRecord a = f.register("Alpha", SecurityLevel.INTERNAL);
        f.clock.advance(Duration.ofDays(1));
        ManagedRecord b = records.register(CLERK, NewRecord.builder(LocalizedText.english("Beta"), "HR.ARCHIVE")
                .keywords("Payroll").build());
        records.close(CLERK, b.id());

        assertThat(ids(RecordQuery.builder().classification("HR").build())).containsExactly(b.id(), a.id());
        assertThat(ids(RecordQuery.builder().classification("HR.ARCHIVE").build())).containsExactly(b.id());
        assertThat(ids(RecordQuery.builder().classification("HR.ARCH").build())).isEmpty();
        assertThat(ids(RecordQuery.builder().keyword("payroll").build())).containsExactly(b.id());
        assertThat(ids(RecordQuery.builder().status(RecordStatus.CLOSED).build())).containsExactly(b.id());
        assertThat(ids(RecordQuery.builder().created(b.createdAt(), null).build())).containsExactly(b.id());
        assertThat(ids(RecordQuery.builder().created(null, b.createdAt()).build())).containsExactly(a.id());
        assertThat(ids(RecordQuery.builder().keyword("100%_!").build())).isEmpty();
    }

    private List<RecordId> ids(RecordQuery query) {
        return records.search(OFFICER, query, PageRequest.first()).items().stream().map(ManagedRecord::id).toList();
    }

    @Test
    void staffOfAnotherAgencyCannotSeeTheRecord() {
        ManagedRecord record = f.register("Internal memo", SecurityLevel.PUBLIC);
        assertThat(catchGcam(() -> records.find(OTHER_AGENCY, record.id()))).isInstanceOf(NotFoundException.class);
        assertThat(catchGcam(() -> records.find(Actor.applicant("someone"), record.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void checkOutLocksTheRecordAndCheckInAddsAVersionAndReleasesTheLock() throws IOException {
        ManagedRecord record = f.register("Contract", SecurityLevel.INTERNAL);
        ContentRef v1 = f.contents.put("first draft");

        records.checkOut(CLERK, record.id(), "first draft");
        assertThat(catchGcam(() -> records.checkOut(CLERK_2, record.id(), "edit")).code()).isEqualTo("RECORD_CHECKED_OUT");
        assertThat(catchGcam(() -> records.checkIn(CLERK_2, record.id(), v1, "edit")).code())
                .isEqualTo("RECORD_NOT_CHECKED_OUT_BY_YOU");
        ContentVersion version = records.checkIn(CLERK, record.id(), v1, "first draft");

        assertThat(version.number()).isEqualTo(1);
        assertThat(version.createdBy()).isEqualTo("clerk-1");
        assertThat(records.find(CLERK, record.id()).checkOut()).isNull();
        records.checkOut(CLERK_2, record.id(), "second draft");
        records.checkIn(CLERK_2, record.id(), f.contents.put("second draft"), "rewrote section 2");
        assertThat(records.versions(CLERK, record.id())).extracting(ContentVersion::number, ContentVersion::createdBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "clerk-1"),
                        org.assertj.core.groups.Tuple.tuple(2, "clerk-2"));
        try (InputStream in = records.download(CLERK, record.id(), 1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("first draft");
        }
        assertThat(records.custody(CLERK, record.id(), 0, 100)).extracting(CustodyEvent::action).containsExactly(
                CustodyAction.REGISTERED, CustodyAction.CHECKED_OUT, CustodyAction.CHECKED_IN, CustodyAction.VIEWED,
                CustodyAction.CHECKED_OUT, CustodyAction.CHECKED_IN, CustodyAction.DOWNLOADED);
        assertThat(records.verifyCustody(CLERK, record.id()).ok()).isTrue();
    }

    @Test
    void refusesAVersionWhoseContentIsMissingOrHasAnotherHash() {
        ManagedRecord record = f.register("Contract", SecurityLevel.INTERNAL);
        records.checkOut(CLERK, record.id(), "edit");
        ContentRef real = f.contents.put("text");

        assertThat(catchGcam(() -> records.checkIn(CLERK, record.id(), new ContentRef(real.contentId(), "0".repeat(64)),
                "edit")).code()).isEqualTo("CONTENT_CHECKSUM_MISMATCH");
        assertThat(catchGcam(() -> records.checkIn(CLERK, record.id(), new ContentRef("nope", real.sha256()), "edit"))
                .code()).isEqualTo("CONTENT_NOT_FOUND");
        assertThat(records.versions(CLERK, record.id())).isEmpty();
    }

    @Test
    void onlyTheReceivingDepartmentOrARecordsOfficerOfTheReceivingAgencyAcknowledgesATransfer() {
        ManagedRecord first = f.register("Appeal file", SecurityLevel.INTERNAL);
        ManagedRecord second = f.register("Leave file", SecurityLevel.INTERNAL);
        Custodian archive = new Custodian("DSAL", "ARCHIVE");
        Actor dsalFinance = Actor.staff("dsal-finance", "DSAL", RecordsRoles.department("FINANCE"));
        Actor dsalNoDepartment = Actor.staff("dsal-2", "DSAL");
        Actor archivistElsewhere = Actor.staff("dsaj-archive", "DSAJ", RecordsRoles.department("ARCHIVE"));
        Actor dsalOfficer = Actor.staff("dsal-officer", "DSAL", RecordsRoles.RECORDS_OFFICER);
        Actor archivist = Actor.staff("dsal-archive", "DSAL", RecordsRoles.department("ARCHIVE"));
        Transfer toArchive = records.sendTransfer(CLERK, first.id(), archive, "");
        Transfer alsoToArchive = records.sendTransfer(CLERK, second.id(), archive, "");

        assertThat(catchGcam(() -> records.acknowledge(dsalFinance, toArchive.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catchGcam(() -> records.acknowledge(dsalNoDepartment, toArchive.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catchGcam(() -> records.acknowledge(archivistElsewhere, toArchive.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(records.find(CLERK, first.id()).pendingTransfer()).isEqualTo(toArchive.id());
        assertThat(records.find(CLERK, first.id()).custodian()).isEqualTo(new Custodian(AGENCY, "HR"));

        assertThat(records.acknowledge(archivist, toArchive.id()).acknowledgedBy()).isEqualTo("dsal-archive");
        assertThat(records.acknowledge(dsalOfficer, alsoToArchive.id()).acknowledgedBy()).isEqualTo("dsal-officer");
        assertThat(records.find(archivist, second.id()).custodian()).isEqualTo(archive);
    }

    @Test
    void asksTheConfiguredDepartmentPolicyWhoWorksInADepartment() {
        HikariDataSource other = TestDatabases.h2().newPool(2);
        Fixture directory = new Fixture(other, b -> b.departments((actor, department) ->
                actor.subjectId().startsWith(department.department().toLowerCase(Locale.ROOT) + "-"))).filePlan();
        ManagedRecord record = directory.register("Contract", SecurityLevel.INTERNAL);
        Transfer sent = directory.records.sendTransfer(CLERK, record.id(), new Custodian("DSAL", "ARCHIVE"), "");

        assertThat(catchGcam(() -> directory.records.acknowledge(
                Actor.staff("finance-1", "DSAL", RecordsRoles.department("ARCHIVE")), sent.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(directory.records.acknowledge(Actor.staff("archive-1", "DSAL"), sent.id()).status())
                .isEqualTo(TransferStatus.ACKNOWLEDGED);
        other.close();
    }

    @Test
    void aTransferChangesCustodyOnlyWhenTheReceiverAcknowledgesIt() {
        ManagedRecord record = f.register("Personnel file", SecurityLevel.INTERNAL);
        Custodian dsal = new Custodian("DSAL", "ARCHIVE");

        Transfer sent = records.sendTransfer(CLERK, record.id(), dsal, "for the appeal");
        assertThat(sent.status()).isEqualTo(TransferStatus.PENDING);
        assertThat(catchGcam(() -> records.sendTransfer(CLERK, record.id(), new Custodian(AGENCY, "LEGAL"), "x")).code())
                .isEqualTo("TRANSFER_ALREADY_PENDING");
        assertThat(records.find(CLERK, record.id()).custodian()).isEqualTo(new Custodian(AGENCY, "HR"));
        assertThat(records.pendingTransfers(OTHER_AGENCY)).extracting(Transfer::id).containsExactly(sent.id());
        assertThat(records.pendingTransfers(CLERK)).isEmpty();
        assertThat(catchGcam(() -> records.acknowledge(CLERK, sent.id()))).isInstanceOf(NotFoundException.class);

        Transfer done = records.acknowledge(OTHER_AGENCY, sent.id());

        assertThat(done.status()).isEqualTo(TransferStatus.ACKNOWLEDGED);
        assertThat(done.acknowledgedBy()).isEqualTo("dsal-1");
        assertThat(catchGcam(() -> records.acknowledge(OTHER_AGENCY, sent.id())).code()).isEqualTo("TRANSFER_NOT_PENDING");
        ManagedRecord moved = records.find(OTHER_AGENCY, record.id());
        assertThat(moved.custodian()).isEqualTo(dsal);
        assertThat(moved.pendingTransfer()).isNull();
        assertThat(records.pendingTransfers(OTHER_AGENCY)).isEmpty();
        // The owner keeps read access but no longer holds the record.
        assertThat(records.find(CLERK, record.id()).custodian()).isEqualTo(dsal);
        assertThat(catchGcam(() -> records.checkOut(CLERK, record.id(), "edit"))).isInstanceOf(AccessDeniedException.class);
        assertThat(records.custody(CLERK, record.id(), 0, 100)).extracting(CustodyEvent::action)
                .contains(CustodyAction.TRANSFER_SENT, CustodyAction.TRANSFER_ACKNOWLEDGED);
    }

    @Test
    void tracksThePhysicalFileByLocationAndBarcode() {
        ManagedRecord record = records.register(CLERK, NewRecord.builder(LocalizedText.english("Paper file"), CLASS)
                .location("Room 3, shelf B").barcode("SAFP-000123").build());
        assertThat(catchGcam(() -> records.register(CLERK, NewRecord.builder(LocalizedText.english("Other"), CLASS)
                .barcode("SAFP-000123").build())).code()).isEqualTo("BARCODE_IN_USE");

        records.moveTo(CLERK, record.id(), "Archive room, box 17");

        assertThat(records.findByBarcode(CLERK, AGENCY, "SAFP-000123")).get()
                .extracting(ManagedRecord::location).isEqualTo("Archive room, box 17");
        assertThat(records.findByBarcode(CLERK, AGENCY, "SAFP-999999")).isEmpty();
        List<CustodyEvent> chain = records.custody(CLERK, record.id(), 0, 100);
        assertThat(chain).extracting(CustodyEvent::action).containsExactly(CustodyAction.REGISTERED,
                CustodyAction.LOCATION_CHANGED, CustodyAction.VIEWED);
        assertThat(chain.get(1).details()).isEqualTo("{\"from\":\"Room 3, shelf B\",\"to\":\"Archive room, box 17\"}");
    }

    @Test
    void filesAnApplicationsDocumentsAsADossierWithOneRecordPerDocument() {
        ContentRef cv = f.contents.put("cv");
        ContentRef diploma = f.contents.put("diploma");

        Filing filing = records.fileDocuments(Actor.system("workflow"),
                NewRecord.builder(LocalizedText.english("Application REC-2026-000001"), CLASS)
                        .agency(AGENCY).department("HR").caseReference("REC-2026-000001").build(),
                List.of(new FiledDocument(LocalizedText.english("CV"), cv),
                        new FiledDocument(LocalizedText.english("Diploma"), diploma)));

        assertThat(filing.dossier().kind()).isEqualTo(RecordKind.DOSSIER);
        assertThat(filing.records()).allSatisfy(r -> {
            assertThat(r.dossierId()).isEqualTo(filing.dossier().id());
            assertThat(r.latestVersion()).isEqualTo(1);
        });
        assertThat(records.search(CLERK, RecordQuery.builder().caseReference("REC-2026-000001").build(),
                PageRequest.first()).total()).isEqualTo(3);
        assertThat(records.versions(CLERK, filing.records().get(1).id())).singleElement()
                .extracting(ContentVersion::content).isEqualTo(diploma);
    }

    @Test
    void fileDocumentsStoresNothingWhenOneDocumentIsNotInTheContentStore() {
        ContentRef cv = f.contents.put("cv");
        assertThatThrownBy(() -> records.fileDocuments(CLERK, NewRecord.builder(LocalizedText.english("A"), CLASS).build(),
                List.of(new FiledDocument(LocalizedText.english("CV"), cv),
                        new FiledDocument(LocalizedText.english("Lost"), new ContentRef("lost", cv.sha256())))))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("CONTENT_NOT_FOUND"));
        assertThat(records.search(OFFICER, RecordQuery.all(), PageRequest.first()).total()).isZero();
    }

    // ------------------------------------------------------------------ disposal

    @Test
    void aRecordUnderLegalHoldIsNeverDisposedOf() {
        ManagedRecord heldEarly = closedRecord("Held before the run");
        ManagedRecord heldLate = closedRecord("Held after the run was prepared");
        ManagedRecord free = closedRecord("Free");
        records.placeLegalHold(OFFICER, heldEarly.id(), "court case 12/2036");
        f.clock.advance(Duration.ofDays(3660));

        DisposalRun run = records.prepareDisposal(OFFICER, AGENCY);
        assertThat(run.items()).extracting(DisposalItem::recordId).containsExactlyInAnyOrder(heldLate.id(), free.id());
        records.placeLegalHold(OFFICER, heldLate.id(), "audit 2036");
        DisposalRun done = records.approveDisposal(OFFICER, run.id());

        assertThat(done.status()).isEqualTo(DisposalRunStatus.COMPLETED);
        assertThat(done.items()).extracting(DisposalItem::recordId, DisposalItem::outcome).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(heldLate.id(), DisposalOutcome.KEPT_ON_LEGAL_HOLD),
                org.assertj.core.groups.Tuple.tuple(free.id(), DisposalOutcome.DESTROYED));
        assertThat(records.find(OFFICER, heldEarly.id()).onLegalHold()).isTrue();
        assertThat(records.find(OFFICER, heldLate.id()).onLegalHold()).isTrue();
        assertThat(records.verifyCustody(OFFICER, heldLate.id()).ok()).isTrue();
        assertThat(catchGcam(() -> records.find(OFFICER, free.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aReleasedHoldNoLongerBlocksDisposal() {
        ManagedRecord record = closedRecord("Was held");
        LegalHold hold = records.placeLegalHold(OFFICER, record.id(), "case");
        records.releaseLegalHold(OFFICER, hold.id());
        assertThat(catchGcam(() -> records.releaseLegalHold(OFFICER, hold.id())).code()).isEqualTo("LEGAL_HOLD_NOT_ACTIVE");
        f.clock.advance(Duration.ofDays(3660));

        DisposalRun run = records.approveDisposal(OFFICER, records.prepareDisposal(OFFICER, AGENCY).id());

        assertThat(run.items()).extracting(DisposalItem::outcome).containsExactly(DisposalOutcome.DESTROYED);
    }

    @Test
    void destroyingARecordLeavesACertificateAndRemovesItsContent() {
        ManagedRecord record = f.register("Old application", SecurityLevel.CONFIDENTIAL);
        ContentRef content = f.contents.put("old");
        records.checkOut(OFFICER, record.id(), "scan");
        records.checkIn(OFFICER, record.id(), content, "scan");
        records.close(OFFICER, record.id());
        long chainLength = records.custody(OFFICER, record.id(), 0, 100).size();
        f.clock.advance(Duration.ofDays(365 * 10 + 3));

        DisposalRun run = records.prepareDisposal(OFFICER, AGENCY);
        assertThat(catchGcam(() -> records.approveDisposal(CLERK, run.id()))).isInstanceOf(AccessDeniedException.class);
        records.approveDisposal(Actor.staff("officer-2", AGENCY, RecordsRoles.RECORDS_OFFICER), run.id());

        assertThat(catchGcam(() -> records.find(OFFICER, record.id()))).isInstanceOf(NotFoundException.class);
        assertThat(f.contents.contains(content.contentId())).isFalse();
        DisposalCertificate certificate = records.certificates(OFFICER, AGENCY, PageRequest.first()).items().get(0);
        assertThat(certificate.recordId()).isEqualTo(record.id());
        assertThat(certificate.reference()).isEqualTo(record.reference());
        assertThat(certificate.outcome()).isEqualTo(DisposalOutcome.DESTROYED);
        assertThat(certificate.rule()).isEqualTo(RetentionRule.years(10, DisposalAction.DESTROY));
        assertThat(certificate.approvedBy()).isEqualTo("officer-2");
        assertThat(certificate.preparedBy()).isEqualTo("officer-1");
        assertThat(certificate.custodyHead().index()).isEqualTo(chainLength);
        assertThat(catchGcam(() -> records.approveDisposal(OFFICER, run.id())).code()).isEqualTo("DISPOSAL_RUN_NOT_PENDING");
        assertThat(f.events).extracting(DomainEvent::type).contains("records.disposed", "records.disposal_approved");
        assertThat(f.audit.verify().ok()).isTrue();
    }

    @Test
    void recordsNotYetDueOrStillOpenAreNotListed() {
        closedRecord("Closed recently");
        f.register("Still open", SecurityLevel.INTERNAL);
        f.clock.advance(Duration.ofDays(365 * 9));

        assertThat(records.prepareDisposal(OFFICER, AGENCY).items()).isEmpty();
    }

    @Test
    void archivesOrKeepsForReviewAsTheRuleSays() {
        ManagedRecord toArchive = records.register(OFFICER, NewRecord.builder(LocalizedText.english("A"), "HR.ARCHIVE").build());
        ManagedRecord toReview = records.register(OFFICER, NewRecord.builder(LocalizedText.english("R"), "HR.REVIEW").build());
        records.close(OFFICER, toArchive.id());
        records.close(OFFICER, toReview.id());
        f.clock.advance(Duration.ofDays(365 * 5 + 2));

        DisposalRun run = records.approveDisposal(OFFICER, records.prepareDisposal(OFFICER, AGENCY).id());

        assertThat(run.items()).extracting(DisposalItem::recordId, DisposalItem::outcome).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(toArchive.id(), DisposalOutcome.TRANSFERRED_TO_ARCHIVES),
                org.assertj.core.groups.Tuple.tuple(toReview.id(), DisposalOutcome.KEPT_FOR_REVIEW));
        assertThat(records.find(OFFICER, toArchive.id()).status()).isEqualTo(RecordStatus.ARCHIVED);
        assertThat(records.find(OFFICER, toReview.id()).status()).isEqualTo(RecordStatus.CLOSED);
        assertThat(records.certificates(OFFICER, AGENCY, PageRequest.first()).items())
                .extracting(DisposalCertificate::outcome).containsExactly(DisposalOutcome.TRANSFERRED_TO_ARCHIVES);
    }

    @Test
    void onlyARecordsOfficerManagesTheFilePlanHoldsAndDisposal() {
        ManagedRecord record = f.register("Memo", SecurityLevel.INTERNAL);
        assertThat(catchGcam(() -> records.placeLegalHold(CLERK, record.id(), "x"))).isInstanceOf(AccessDeniedException.class);
        assertThat(catchGcam(() -> records.prepareDisposal(CLERK, AGENCY))).isInstanceOf(AccessDeniedException.class);
        assertThat(catchGcam(() -> records.defineClassification(CLERK, new Classification(AGENCY, "X",
                LocalizedText.english("x"), null, null)))).isInstanceOf(AccessDeniedException.class);
        assertThat(catchGcam(() -> records.defineClassification(OFFICER, new Classification(AGENCY, CLASS,
                LocalizedText.english("again"), null, null))).code()).isEqualTo("CLASSIFICATION_EXISTS");
        assertThat(records.filePlan(CLERK, AGENCY)).extracting(Classification::code)
                .containsExactly("HR", "HR.ARCHIVE", "HR.RECRUITMENT", "HR.REVIEW");
    }

    private ManagedRecord closedRecord(String title) {
        ManagedRecord record = f.register(title, SecurityLevel.INTERNAL);
        return records.close(OFFICER, record.id());
    }

    static GcamException catchGcam(Runnable action) {
        try {
            action.run();
        } catch (GcamException e) {
            return e;
        }
        throw new AssertionError("expected a GcamException");
    }
}
