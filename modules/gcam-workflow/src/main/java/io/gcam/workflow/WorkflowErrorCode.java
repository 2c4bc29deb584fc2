package io.gcam.workflow;

import io.gcam.core.ErrorCode;
import io.gcam.core.ErrorKind;

/** Error codes raised by gcam-workflow. */
public enum WorkflowErrorCode implements ErrorCode {
    /** A workflow definition breaks the rules of the definition format; see {@link DefinitionProblem}. */
    WORKFLOW_DEFINITION_INVALID(ErrorKind.INTERNAL),
    /** No definition is registered for an application type (or for its version). */
    WORKFLOW_TYPE_UNKNOWN(ErrorKind.INVALID_INPUT),
    /** The definition of the application has no action of that name. */
    WORKFLOW_ACTION_UNKNOWN(ErrorKind.INVALID_INPUT),
    /** The action cannot be taken in the application's current state (steps cannot be skipped). */
    WORKFLOW_ACTION_NOT_AVAILABLE(ErrorKind.CONFLICT),
    /** The action needs a comment and none was given. */
    WORKFLOW_COMMENT_REQUIRED(ErrorKind.INVALID_INPUT),
    /** A staff member tried to act on their own application. */
    WORKFLOW_OWN_APPLICATION(ErrorKind.ACCESS_DENIED),
    /** The staff member who took the previous step may not take this one (four-eyes rule). */
    WORKFLOW_SAME_ACTOR(ErrorKind.RULE_VIOLATION),
    /** The staff member has already approved this step; another person must approve it. */
    WORKFLOW_ALREADY_APPROVED(ErrorKind.RULE_VIOLATION),
    /** A guard of the action refused the transition. */
    WORKFLOW_GUARD_REFUSED(ErrorKind.RULE_VIOLATION),
    /** A status inquiry did not match an application; the same answer for a wrong reference and a wrong code. */
    WORKFLOW_INQUIRY_FAILED(ErrorKind.NOT_FOUND),
    /** Too many status inquiries from one client or for one reference number. */
    WORKFLOW_INQUIRY_LIMITED(ErrorKind.RULE_VIOLATION);

    /** Base name of gcam-workflow's message bundle. */
    public static final String BUNDLE = "io.gcam.workflow.messages";

    private final ErrorKind kind;

    WorkflowErrorCode(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }
}
