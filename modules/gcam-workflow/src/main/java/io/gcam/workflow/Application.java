package io.gcam.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An application (a case) as stored: who filed it with which agency, where it stands in its
 * workflow, and its due dates. Immutable; every change makes a new copy with {@link #version()}
 * one higher.
 *
 * @param id the application's identifier
 * @param referenceNumber the number printed for the applicant, e.g. {@code REC-2026-000042-78}
 * @param type the application type
 * @param definitionVersion the version of the type's definition the application started with
 * @param applicantId subject id of the applicant who owns it
 * @param agency code of the agency handling it
 * @param state the current state
 * @param formData the form as a JSON object, as submitted
 * @param assignee subject id of the staff member it is assigned to, or {@code null}
 * @param stateDueOn the last working day to leave the current state under its SLA, or {@code null}
 * @param dueOn the last working day to finish the application under the overall SLA, or {@code null}
 * @param submittedAt when it was submitted
 * @param updatedAt when it last changed
 * @param version optimistic version: 1 at submission, one higher after every change
 * @param lastActorId subject id of whoever made the last state change
 * @param pendingAction the multi-approval action collecting approvals in this state, or {@code null}
 * @param approvers subject ids of the staff who approved {@code pendingAction} so far
 * @param escalatedAt when the current state's SLA breach was escalated, or {@code null}
 */
public record Application(
        String id,
        String referenceNumber,
        String type,
        int definitionVersion,
        String applicantId,
        String agency,
        String state,
        String formData,
        @Nullable String assignee,
        @Nullable LocalDate stateDueOn,
        @Nullable LocalDate dueOn,
        Instant submittedAt,
        Instant updatedAt,
        long version,
        @Nullable String lastActorId,
        @Nullable String pendingAction,
        List<String> approvers,
        @Nullable Instant escalatedAt) {

    /** Checks the required fields and copies the approvers. */
    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(referenceNumber, "referenceNumber");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(formData, "formData");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        approvers = List.copyOf(approvers);
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /**
     * @param newAssignee the new assignee, or {@code null}
     * @param at when the change happened
     * @return a copy with that assignee and the next version
     */
    public Application withAssignee(@Nullable String newAssignee, Instant at) {
        return new Application(id, referenceNumber, type, definitionVersion, applicantId, agency, state, formData,
                newAssignee, stateDueOn, dueOn, submittedAt, at, version + 1, lastActorId, pendingAction, approvers,
                escalatedAt);
    }
}
