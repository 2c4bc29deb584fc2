package io.gcam.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.Actor;
import io.gcam.core.GcamException;
import io.gcam.testsupport.db.TestDatabases;
import java.time.Duration;
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
