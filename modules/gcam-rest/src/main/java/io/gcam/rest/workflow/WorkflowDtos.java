package io.gcam.rest.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the workflow resources. */
public final class WorkflowDtos {

    private WorkflowDtos() {
    }

    /**
     * {@code POST /api/v1/applications}.
     *
     * @param type the application type, e.g. {@code recruitment}
     * @param agency the agency code, e.g. {@code SAFP}
     * @param formData the form, a JSON object
     * @param dateOfBirth the applicant's date of birth ({@code yyyy-MM-dd}), to allow status
     *     inquiries by reference number and date of birth; optional
     */
    public record NewApplication(String type, String agency, @Nullable JsonNode formData,
            @Nullable LocalDate dateOfBirth) {
    }

    /**
     * {@code POST /api/v1/applications/{id}/actions/{action}}.
     *
     * @param comment a comment, internal to staff
     * @param expectedVersion the version the caller saw; the action fails with 409 when it changed
     */
    public record ActionRequest(@Nullable String comment, @Nullable Long expectedVersion) {
    }

    /**
     * {@code POST /api/v1/status-inquiries}.
     *
     * @param referenceNumber the reference number
     * @param accessCode the access code given at submission; or
     * @param dateOfBirth the applicant's date of birth ({@code yyyy-MM-dd}), for applications
     *     submitted with one; used when no access code is given
     */
    public record InquiryRequest(@Nullable String referenceNumber, @Nullable String accessCode,
            @Nullable LocalDate dateOfBirth) {
    }

    /**
     * An application as the caller may see it.
     *
     * @param id the id
     * @param referenceNumber the reference number
     * @param type the application type
     * @param agency the agency
     * @param state the internal state name
     * @param status the public label of the state
     * @param finished whether the state is terminal
     * @param documentsAllowed whether documents may be added now
     * @param version the optimistic version, for {@code expectedVersion}
     * @param assignee the assigned staff member (staff only; {@code null} for applicants)
     * @param stateDueOn the state's due date (staff only)
     * @param dueOn the overall due date
     * @param submittedAt when it was submitted
     * @param updatedAt when it last changed
     * @param actions the actions the caller may take now
     * @param formData the form
     */
    public record ApplicationView(String id, String referenceNumber, String type, String agency, String state,
            LocalizedText status, boolean finished, boolean documentsAllowed, long version, @Nullable String assignee,
            @Nullable LocalDate stateDueOn, @Nullable LocalDate dueOn, Instant submittedAt, Instant updatedAt,
            List<String> actions, JsonNode formData) {
    }

    /**
     * The answer of a submission.
     *
     * @param application the new application
     * @param accessCode the code for status inquiries without login; shown once
     */
    public record SubmissionView(ApplicationView application, String accessCode) {
    }

    /**
     * One history entry, for staff.
     *
     * @param sequence the entry number
     * @param at when
     * @param actorId who
     * @param actorKind applicant, staff or system
     * @param action the action
     * @param fromState the state before
     * @param toState the state after
     * @param comment the internal comment
     */
    public record HistoryView(long sequence, Instant at, String actorId, String actorKind, String action,
            @Nullable String fromState, String toState, @Nullable String comment) {
    }

    /**
     * One page of the inbox with the counts per state.
     *
     * @param items the applications
     * @param page the page number, from 0
     * @param size the page size
     * @param total the number of matching applications
     * @param countsByState the number of the agency's applications per state
     */
    public record InboxView(List<ApplicationView> items, int page, int size, long total,
            Map<String, Long> countsByState) {
    }

    /**
     * The SLA lists of the staff inbox.
     *
     * @param nearing applications whose current state is due within the asked working days
     * @param breached applications whose current state's due date has passed
     */
    public record SlaView(List<ApplicationView> nearing, List<ApplicationView> breached) {
    }
}
