package io.gcam.workflow;

import io.gcam.core.GcamException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A workflow definition was refused on load. Code {@code WORKFLOW_DEFINITION_INVALID};
 * {@link #problems()} lists everything found wrong, not only the first problem.
 */
public class WorkflowDefinitionException extends GcamException {

    private static final long serialVersionUID = 1L;

    private final transient List<DefinitionProblem> problems;

    /**
     * @param definition the type and version, e.g. {@code recruitment v1}
     * @param problems what is wrong; at least one
     */
    public WorkflowDefinitionException(String definition, List<DefinitionProblem> problems) {
        super(WorkflowErrorCode.WORKFLOW_DEFINITION_INVALID, definition,
                problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** @return everything found wrong, in the order found */
    public List<DefinitionProblem> problems() {
        return problems;
    }
}
