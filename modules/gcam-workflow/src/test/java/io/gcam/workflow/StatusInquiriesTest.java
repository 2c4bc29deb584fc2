package io.gcam.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.Actor;
import io.gcam.core.GcamException;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.workflow.jdbc.JdbcInquiryLimitStore;
import java.time.Duration;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusInquiriesTest {

    private Fixture f;
    private StatusInquiries inquiries;
    private Submission submission;

    @BeforeEach
    void setUp() {
        f = new Fixture(TestDatabases.h2().dataSource());
        inquiries = StatusInquiries.builder().workflow(f.workflow).clock(f.clock).maxFailures(3)
                .window(Duration.ofMinutes(10)).build();
        submission = f.workflow.submit(Actor.applicant("citizen-1"), "recruitment", "SAFP", "{}");
        f.workflow.perform(Actor.staff("s", "SAFP", "SCREENER"), submission.application().id(), "start_screening",
                "internal note", null);
    }

    private static void assertCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void answersWithThePublicStatusForTheRightReferenceAndCode() {
        String reference = submission.application().referenceNumber();
        PublicStatus status = inquiries.inquire(" " + reference.toLowerCase() + " ",
                submission.accessCode().toLowerCase().replace("-", " "), "kiosk-1");
        assertThat(status.referenceNumber()).isEqualTo(reference);
        assertThat(status.status().en()).isEqualTo("Under review");
        assertThat(status.timeline()).hasSize(2);
        assertThat(status.toString()).doesNotContain("internal note");
    }

    @Test
    void givesTheSameAnswerForAWrongReferenceAndAWrongCode() {
        String reference = submission.application().referenceNumber();
        GcamException wrongCode = catchGcam(() -> inquiries.inquire(reference, "AAAAA-AAAAA", "ip-1"));
        GcamException wrongReference = catchGcam(() -> inquiries.inquire("REC-2026-999999-00",
                submission.accessCode(), "ip-2"));
        assertThat(wrongCode.code()).isEqualTo("WORKFLOW_INQUIRY_FAILED");
        assertThat(wrongReference.code()).isEqualTo(wrongCode.code());
        assertThat(wrongReference.getMessage()).isEqualTo(wrongCode.getMessage());
    }

    @Test
    void limitsFailedInquiriesPerClientAndPerReference() {
        String reference = submission.application().referenceNumber();
        for (int i = 0; i < 3; i++) {
            assertCode(() -> inquiries.inquire("REC-2026-00000" + 5 + "-00", "X", "ip-1"), "WORKFLOW_INQUIRY_FAILED");
        }
        // the client is blocked, even for a correct inquiry
        assertCode(() -> inquiries.inquire(reference, submission.accessCode(), "ip-1"), "WORKFLOW_INQUIRY_LIMITED");
        // guessing codes for one reference from many clients is blocked too
        for (int i = 0; i < 3; i++) {
            String client = "botnet-" + i;
            assertCode(() -> inquiries.inquire(reference, "WRONG", client), "WORKFLOW_INQUIRY_FAILED");
        }
        assertCode(() -> inquiries.inquire(reference, submission.accessCode(), "fresh-client"),
                "WORKFLOW_INQUIRY_LIMITED");
        f.clock.advance(Duration.ofMinutes(11));
        assertThat(inquiries.inquire(reference, submission.accessCode(), "ip-1").referenceNumber())
                .isEqualTo(reference);
    }

    @Test
    void aSharedKioskHasItsOwnClientLimitButNotForOneReference() {
        StatusInquiries withKiosk = StatusInquiries.builder().workflow(f.workflow).clock(f.clock).maxFailures(3)
                .window(Duration.ofMinutes(10)).sharedClient("kiosk-hall", 8).build();
        String reference = submission.application().referenceNumber();
        // eight visitors mistype their references at the kiosk: none is locked out for the others
        for (int i = 0; i < 8; i++) {
            String typo = "REC-2026-00010" + i + "-00";
            assertCode(() -> withKiosk.inquire(typo, "X", "kiosk-hall"), "WORKFLOW_INQUIRY_FAILED");
        }
        assertCode(() -> withKiosk.inquire("REC-2026-000199-00", "X", "kiosk-hall"), "WORKFLOW_INQUIRY_LIMITED");
        // another client still has the ordinary limit
        for (int i = 0; i < 3; i++) {
            String typo = "REC-2026-00020" + i + "-00";
            assertCode(() -> withKiosk.inquire(typo, "X", "ip-7"), "WORKFLOW_INQUIRY_FAILED");
        }
        assertCode(() -> withKiosk.inquire(reference, submission.accessCode(), "ip-7"), "WORKFLOW_INQUIRY_LIMITED");

        // guessing one reference's code at the kiosk stops at the reference's limit
        f.clock.advance(Duration.ofMinutes(11));
        for (int i = 0; i < 3; i++) {
            assertCode(() -> withKiosk.inquire(reference, "WRONG", "kiosk-hall"), "WORKFLOW_INQUIRY_FAILED");
        }
        assertCode(() -> withKiosk.inquire(reference, submission.accessCode(), "kiosk-hall"),
                "WORKFLOW_INQUIRY_LIMITED");
        assertThatThrownBy(() -> StatusInquiries.builder().sharedClient("kiosk", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersByDateOfBirthForAnApplicationSubmittedWithOne() {
        Submission withBirth = f.workflow.submit(Actor.applicant("citizen-2"), "recruitment", "SAFP", "{}",
                LocalDate.of(1990, 5, 17));
        String reference = withBirth.application().referenceNumber();
        PublicStatus status = inquiries.inquireByDateOfBirth(reference, LocalDate.of(1990, 5, 17), "kiosk-1");
        assertThat(status.referenceNumber()).isEqualTo(reference);
        assertThat(status.status().en()).isEqualTo("Received");
        assertCode(() -> inquiries.inquireByDateOfBirth(reference, LocalDate.of(1990, 5, 18), "kiosk-1"),
                "WORKFLOW_INQUIRY_FAILED");
        // the access code still works for the same application
        assertThat(inquiries.inquire(reference, withBirth.accessCode(), "kiosk-1").referenceNumber())
                .isEqualTo(reference);
    }

    @Test
    void givesTheSameAnswerByDateOfBirthForAnApplicationSubmittedWithoutOne() {
        String reference = submission.application().referenceNumber();
        GcamException noBirthDate = catchGcam(() -> inquiries.inquireByDateOfBirth(reference,
                LocalDate.of(1990, 5, 17), "ip-1"));
        GcamException unknown = catchGcam(() -> inquiries.inquireByDateOfBirth("REC-2026-999999-00",
                LocalDate.of(1990, 5, 17), "ip-2"));
        assertThat(noBirthDate.code()).isEqualTo("WORKFLOW_INQUIRY_FAILED");
        assertThat(unknown.getMessage()).isEqualTo(noBirthDate.getMessage());
    }

    @Test
    void doesNotTakeTheAccessCodeForADateOfBirthOrTheOtherWayRound() {
        Submission withBirth = f.workflow.submit(Actor.applicant("citizen-2"), "recruitment", "SAFP", "{}",
                LocalDate.of(1990, 5, 17));
        String reference = withBirth.application().referenceNumber();
        assertCode(() -> inquiries.inquire(reference, "1990-05-17", "ip-1"), "WORKFLOW_INQUIRY_FAILED");
        assertCode(() -> inquiries.inquire(reference, "DOB:1990-05-17", "ip-2"), "WORKFLOW_INQUIRY_FAILED");
    }

    @Test
    void refusesADateOfBirthInTheFuture() {
        assertCode(() -> f.workflow.submit(Actor.applicant("citizen-2"), "recruitment", "SAFP", "{}",
                LocalDate.of(2030, 1, 1)), "VALIDATION_FAILED");
        assertThat(f.count("SELECT COUNT(*) FROM gcam_wf_application WHERE applicant_id = 'citizen-2'")).isZero();
    }

    @Test
    void doesNotCountSuccessfulInquiriesAgainstTheLimit() {
        String reference = submission.application().referenceNumber();
        for (int i = 0; i < 10; i++) {
            assertThat(inquiries.inquire(reference, submission.accessCode(), "ip-1").referenceNumber())
                    .isEqualTo(reference);
        }
        assertCode(() -> inquiries.inquire(reference, "WRONG", "ip-1"), "WORKFLOW_INQUIRY_FAILED");
    }

    @Test
    void neverStoresTheClientKeyOrReferenceAsTyped() {
        StatusInquiries shared = StatusInquiries.builder().workflow(f.workflow).clock(f.clock)
                .limits(JdbcInquiryLimitStore.create(f.pool)).build();
        String reference = submission.application().referenceNumber();
        assertCode(() -> shared.inquire(reference, "WRONG", "203.0.113.7"), "WORKFLOW_INQUIRY_FAILED");
        assertThat(f.count("SELECT COUNT(*) FROM gcam_wf_inquiry_limit")).isEqualTo(2);
        assertThat(f.count("SELECT COUNT(*) FROM gcam_wf_inquiry_limit WHERE limit_key LIKE '%203.0.113.7%'"
                + " OR limit_key LIKE '%" + reference + "%'")).isZero();
    }

    private static GcamException catchGcam(ThrowingCallable call) {
        try {
            call.call();
        } catch (GcamException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        throw new AssertionError("no exception");
    }
}
