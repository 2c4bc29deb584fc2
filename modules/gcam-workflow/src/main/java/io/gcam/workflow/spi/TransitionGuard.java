package io.gcam.workflow.spi;

import io.gcam.core.Actor;
import io.gcam.core.LocalizedText;
import io.gcam.workflow.ActionDefinition;
import io.gcam.workflow.Application;
import java.util.Optional;

/**
 * A custom rule an action must pass, named in the definition's {@code guards} list and given to
 * the service under that name, e.g. "all required documents received" or "fee paid".
 *
 * <pre>{@code
 * WorkflowService.builder()...guard("documents_complete",
 *         (actor, application, action) -> checklist.isComplete(application.id())
 *                 ? Optional.empty()
 *                 : Optional.of(LocalizedText.english("required documents are missing")))
 * }</pre>
 *
 * <p>Guards run inside the transition's transaction, after the role, state and four-eyes checks;
 * they must not change anything. Thread-safe.
 */
@FunctionalInterface
public interface TransitionGuard {

    /**
     * @param actor who attempts the action
     * @param application the application as it is now
     * @param action the action attempted
     * @return empty to allow, or the reason for refusing (shown to the actor)
     */
    Optional<LocalizedText> refusal(Actor actor, Application application, ActionDefinition action);
}
