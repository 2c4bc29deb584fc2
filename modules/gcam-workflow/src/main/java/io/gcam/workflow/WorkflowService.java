package io.gcam.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.BusinessCalendar;
import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.core.IdGenerator;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.ValidationException;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.TransactionRunner;
import io.gcam.workflow.internal.AccessCodes;
import io.gcam.workflow.spi.ApplicationQuery;
import io.gcam.workflow.spi.ApplicationStore;
import io.gcam.workflow.spi.InquirySecrets;
import io.gcam.workflow.spi.TransitionGuard;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs applications through their workflow definitions: submission, actions with role, state,
 * four-eyes and guard checks, history, SLA due dates on a {@link BusinessCalendar}, the applicant's
 * public status and the staff inbox.
 *
 * <pre>{@code
 * WorkflowService workflow = WorkflowService.builder()
 *         .definitions(WorkflowDefinitions.of(recruitment))
 *         .store(JdbcApplicationStore.create(tx.dataSource()))
 *         .referenceNumbers(referenceNumbers)
 *         .transactions(tx)
 *         .audit(audit)
 *         .events(events)
 *         .calendar(calendar)
 *         .clock(clock)
 *         .build();
 * Submission s = workflow.submit(applicant, "recruitment", "SAFP", "{\"post\":\"clerk\"}");
 * workflow.perform(screener, s.application().id(), "screen", null, 1L);
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Every change (state, approval, assignment) happens in one {@link TransactionRunner} call
 *       that also writes the history entry, appends to the audit trail and publishes a
 *       {@link DomainEvent}; when anything fails, nothing of it remains.</li>
 *   <li>Changes are compare-and-set on the application's version: of two concurrent actions on the
 *       same application exactly one succeeds; the other fails with {@code CONFLICT} and changes
 *       nothing. Passing {@code expectedVersion} also refuses actions based on a stale view.</li>
 *   <li>An action is only possible from the states its definition names: steps cannot be skipped.</li>
 *   <li>Four-eyes: a staff member never acts on an application they filed themselves (same subject
 *       id); an action with {@code approvals = N} changes the state only after N distinct staff
 *       members took it; an action with {@code notByPreviousActor} is refused to whoever made the
 *       previous state change.</li>
 *   <li>Applications keep the definition version they were submitted under.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class WorkflowService {

    /** Longest accepted comment, in characters. */
    public static final int MAX_COMMENT_LENGTH = 4000;
    /** Longest accepted form data, in characters of JSON. */
    public static final int MAX_FORM_DATA_LENGTH = 65_536;
    /** The aggregate type of the events and audit entries. */
    public static final String AGGREGATE = "application";

    /** Subject id of the system actor that escalates SLA breaches and takes their actions. */
    public static final String ESCALATION_ACTOR = "workflow-sla-escalation";

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalizedText APPLICATION_KIND = LocalizedText.of("application", "申請", "pedido");

    private final WorkflowDefinitions definitions;
    private final ApplicationStore store;
    private final ReferenceNumberGenerator referenceNumbers;
    private final TransactionRunner transactions;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final IdGenerator ids;
    private final Map<String, TransitionGuard> guards;

    private WorkflowService(Builder b) {
        this.definitions = require(b.definitions, "definitions");
        this.store = require(b.store, "store");
        this.referenceNumbers = require(b.referenceNumbers, "referenceNumbers");
        this.transactions = require(b.transactions, "transactions");
        this.audit = require(b.audit, "audit");
        this.events = require(b.events, "events");
        this.calendar = b.calendar != null ? b.calendar : BusinessCalendar.builder().build();
        this.clock = b.clock;
        this.ids = b.ids != null ? b.ids : IdGenerator.create(clock);
        this.guards = Map.copyOf(b.guards);
        for (WorkflowDefinition definition : definitions.all()) {
            checkGuards(definition);
        }
    }

    /** @return a builder; definitions, store, referenceNumbers, transactions, audit and events are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks that every guard a definition names was given to this service. Call it for definitions
     * registered after the service was built.
     *
     * @param definition a definition
     * @throws WorkflowDefinitionException {@code WORKFLOW_DEFINITION_INVALID} naming the missing guards
     */
    public void checkGuards(WorkflowDefinition definition) {
        List<DefinitionProblem> problems = new ArrayList<>();
        for (ActionDefinition action : definition.actions()) {
            for (String guard : action.guards()) {
                if (!guards.containsKey(guard)) {
                    problems.add(new DefinitionProblem(DefinitionProblem.Kind.UNKNOWN_GUARD, "action " + action.name(),
                            "guard '" + guard + "' was not given to the WorkflowService builder"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkflowDefinitionException(definition.type() + " v" + definition.version(), problems);
        }
    }

    /**
     * Files a new application under the latest definition of {@code type}, in its start state.
     *
     * @param applicant the applicant filing it (an applicant actor)
     * @param type the application type
     * @param agency the agency that handles it
     * @param formData the form as a JSON object
     * @return the application and its access code (shown to the applicant once)
     * @throws AccessDeniedException {@code ACCESS_DENIED} when the actor is not an applicant
     * @throws ValidationException {@code VALIDATION_FAILED} when the form is not a JSON object or too long
     * @throws GcamException {@code WORKFLOW_TYPE_UNKNOWN} when the type has no definition
     */
    public Submission submit(Actor applicant, String type, String agency, String formData) {
        return submit(applicant, type, agency, formData, null);
    }

    /**
     * Files a new application as {@link #submit(Actor, String, String, String)} does, and keeps a
     * salted hash of the applicant's date of birth so that {@link StatusInquiries#inquireByDateOfBirth}
     * can find it with the reference number. Take the date from a verified source (the identity or
     * profile the applicant signed in with) where there is one.
     *
     * @param applicant the applicant filing it (an applicant actor)
     * @param type the application type
     * @param agency the agency that handles it
     * @param formData the form as a JSON object
     * @param dateOfBirth the applicant's date of birth, or {@code null} to allow inquiries by access
     *     code only
     * @return the application and its access code (shown to the applicant once)
     * @throws AccessDeniedException {@code ACCESS_DENIED} when the actor is not an applicant
     * @throws ValidationException {@code VALIDATION_FAILED} when the form is not a JSON object or too
     *     long, or the date of birth is in the future
     * @throws GcamException {@code WORKFLOW_TYPE_UNKNOWN} when the type has no definition
     */
    public Submission submit(Actor applicant, String type, String agency, String formData,
            @Nullable LocalDate dateOfBirth) {
        Objects.requireNonNull(applicant, "applicant");
        if (!applicant.isApplicant()) {
            throw new AccessDeniedException("submit application");
        }
        if (agency == null || agency.isBlank()) {
            throw ValidationException.of("agency", LocalizedText.of("An agency is required.", "必須指定機構。",
                    "É necessário indicar o serviço."));
        }
        requireJsonObject(formData);
        if (dateOfBirth != null && dateOfBirth.isAfter(calendar.dateOf(now()))) {
            throw ValidationException.of("dateOfBirth", LocalizedText.of("The date of birth is in the future.",
                    "出生日期不可是未來日期。", "A data de nascimento está no futuro."));
        }
        WorkflowDefinition definition = definitions.latest(type);
        // before the transaction: a sequence store with its own short transaction (the recommended
        // JdbcSequenceStore.create(pool)) then never needs a second connection while this one is held
        String reference = referenceNumbers.next().value();
        String code = AccessCodes.newCode();
        InquirySecrets secrets = new InquirySecrets(AccessCodes.hash(code),
                dateOfBirth == null ? null : AccessCodes.hash(AccessCodes.dateOfBirthFactor(dateOfBirth)));
        return transactions.inTransaction(() -> {
            Instant now = now();
            LocalDate today = calendar.dateOf(now);
            StateDefinition start = definition.state(definition.startState()).orElseThrow();
            Application application = new Application(ids.next(), reference, type, definition.version(),
                    applicant.subjectId(), agency, start.name(), formData, null, stateDue(start, today),
                    definition.overallSlaWorkingDays().map(d -> calendar.addWorkingDays(today, d)).orElse(null),
                    now, now, 1, applicant.subjectId(), null, List.of(), null);
            HistoryEntry first = new HistoryEntry(application.id(), 1, now, applicant.subjectId(), applicant.kind(),
                    "submit", null, start.name(), null);
            store.insert(application, first, secrets);
            audit.append(applicant, "application.submitted", AGGREGATE, application.id(),
                    Map.of("type", type, "version", definition.version(), "state", start.name()));
            events.publish(event("workflow.application_submitted", application)
                    .payload("state", start.name()).build());
            return new Submission(application, code);
        });
    }

    /**
     * Takes an action on an application.
     *
     * @param actor who acts
     * @param applicationId the application
     * @param action the action's name
     * @param comment a comment (internal; required when the action says so), or {@code null}
     * @param expectedVersion the version the actor saw, or {@code null} to act on the current one
     * @return the application after the action
     * @throws NotFoundException {@code NOT_FOUND} when the application does not exist or the actor may not see it
     * @throws AccessDeniedException {@code ACCESS_DENIED} when the actor lacks the role or is not the applicant
     * @throws ConflictException {@code CONFLICT} when the application changed since {@code expectedVersion}
     *     or concurrently
     * @throws GcamException {@code WORKFLOW_ACTION_UNKNOWN}, {@code WORKFLOW_ACTION_NOT_AVAILABLE},
     *     {@code WORKFLOW_COMMENT_REQUIRED}, {@code WORKFLOW_OWN_APPLICATION}, {@code WORKFLOW_SAME_ACTOR},
     *     {@code WORKFLOW_ALREADY_APPROVED} or {@code WORKFLOW_GUARD_REFUSED} as their names say
     */
    public Application perform(Actor actor, String applicationId, String action, @Nullable String comment,
            @Nullable Long expectedVersion) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        String trimmedComment = comment == null || comment.isBlank() ? null : comment.strip();
        if (trimmedComment != null && trimmedComment.length() > MAX_COMMENT_LENGTH) {
            throw ValidationException.of("comment", LocalizedText.of(
                    "The comment may have at most " + MAX_COMMENT_LENGTH + " characters.",
                    "備註最多 " + MAX_COMMENT_LENGTH + " 個字元。",
                    "O comentário pode ter no máximo " + MAX_COMMENT_LENGTH + " caracteres."));
        }
        return transactions.inTransaction(() -> performInTransaction(actor, applicationId, action, trimmedComment,
                expectedVersion));
    }

    /** The body of {@link #perform}; every check throws before anything is written. */
    private Application performInTransaction(Actor actor, String applicationId, String action,
            @Nullable String trimmedComment, @Nullable Long expectedVersion) {
        Application current = visible(actor, applicationId);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ConflictException("application " + current.referenceNumber());
        }
        WorkflowDefinition definition = definitions.get(current.type(), current.definitionVersion());
        ActionDefinition act = definition.action(action)
                .orElseThrow(() -> new GcamException(WorkflowErrorCode.WORKFLOW_ACTION_UNKNOWN, action));
        StateDefinition from = definition.state(current.state()).orElseThrow();
        checkPerformer(actor, current, act);
        if (!act.availableIn(from.name(), from.terminal())) {
            throw new GcamException(WorkflowErrorCode.WORKFLOW_ACTION_NOT_AVAILABLE, action, current.state());
        }
        if (act.commentRequired() && trimmedComment == null) {
            throw new GcamException(WorkflowErrorCode.WORKFLOW_COMMENT_REQUIRED, action);
        }
        List<String> approvers = new ArrayList<>();
        if (act.approvals() > 1) {
            if (act.name().equals(current.pendingAction())) {
                approvers.addAll(current.approvers());
            }
            if (approvers.contains(actor.subjectId())) {
                throw new GcamException(WorkflowErrorCode.WORKFLOW_ALREADY_APPROVED, action);
            }
        }
        for (String guardName : act.guards()) {
            Optional<LocalizedText> refusal = guards.get(guardName).refusal(actor, current, act);
            if (refusal.isPresent()) {
                throw new GcamException(WorkflowErrorCode.WORKFLOW_GUARD_REFUSED, action, refusal.get().en());
            }
        }
        Instant now = now();
        long next = current.version() + 1;
        approvers.add(actor.subjectId());
        Application updated;
        HistoryEntry entry;
        String eventType;
        if (approvers.size() < act.approvals()) {
            updated = new Application(current.id(), current.referenceNumber(), current.type(),
                    current.definitionVersion(), current.applicantId(), current.agency(), current.state(),
                    current.formData(), current.assignee(), current.stateDueOn(), current.dueOn(),
                    current.submittedAt(), now, next, current.lastActorId(), act.name(), approvers,
                    current.escalatedAt());
            entry = new HistoryEntry(current.id(), next, now, actor.subjectId(), actor.kind(), act.name(),
                    current.state(), current.state(), trimmedComment);
            eventType = "workflow.approval_recorded";
        } else {
            StateDefinition to = definition.state(act.to()).orElseThrow();
            LocalDate today = calendar.dateOf(now);
            updated = new Application(current.id(), current.referenceNumber(), current.type(),
                    current.definitionVersion(), current.applicantId(), current.agency(), to.name(),
                    current.formData(), current.assignee(), stateDue(to, today), to.terminal() ? null
                            : current.dueOn(), current.submittedAt(), now, next, actor.subjectId(), null,
                    List.of(), null);
            entry = new HistoryEntry(current.id(), next, now, actor.subjectId(), actor.kind(), act.name(),
                    current.state(), to.name(), trimmedComment);
            eventType = "workflow.application_transitioned";
        }
        if (!store.update(updated, current.version(), entry)) {
            throw new ConflictException("application " + current.referenceNumber());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", act.name());
        details.put("from", current.state());
        details.put("to", updated.state());
        details.put("version", next);
        audit.append(actor, "application." + act.name(), AGGREGATE, current.id(), details);
        events.publish(event(eventType, updated).payload(details)
                .payload("approvals", approvers.size()).build());
        LOG.debug("application {} {} -> {} by action {}", current.id(), current.state(), updated.state(),
                act.name());
        return updated;
    }

    /**
     * Assigns the application to a staff member of its agency, or clears the assignment.
     *
     * @param actor a staff member of the application's agency
     * @param applicationId the application
     * @param assignee subject id of the new assignee, or {@code null} to clear it
     * @param expectedVersion the version the actor saw, or {@code null}
     * @return the application after the change
     * @throws AccessDeniedException {@code ACCESS_DENIED} unless the actor is staff of the agency (or the system)
     * @throws ConflictException {@code CONFLICT} as for {@link #perform}
     */
    public Application assign(Actor actor, String applicationId, @Nullable String assignee,
            @Nullable Long expectedVersion) {
        return transactions.inTransaction(() -> {
            Application current = visible(actor, applicationId);
            if (!(actor.isSystem() || actor.isStaffOf(current.agency()))) {
                throw new AccessDeniedException("assign application");
            }
            if (actor.subjectId().equals(current.applicantId()) || current.applicantId().equals(assignee)) {
                throw new GcamException(WorkflowErrorCode.WORKFLOW_OWN_APPLICATION);
            }
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new ConflictException("application " + current.referenceNumber());
            }
            Instant now = now();
            Application updated = current.withAssignee(assignee, now);
            HistoryEntry entry = new HistoryEntry(current.id(), updated.version(), now, actor.subjectId(),
                    actor.kind(), "assign", current.state(), current.state(), null);
            if (!store.update(updated, current.version(), entry)) {
                throw new ConflictException("application " + current.referenceNumber());
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("version", updated.version());
            if (assignee != null) {
                details.put("assignee", assignee);
            }
            audit.append(actor, "application.assigned", AGGREGATE, current.id(), details);
            events.publish(event("workflow.application_assigned", updated).payload(details).build());
            return updated;
        });
    }

    /**
     * @param actor the applicant who owns it, staff of its agency, or the system
     * @param applicationId the application
     * @return the application
     * @throws NotFoundException {@code NOT_FOUND} when it does not exist or the actor may not see it
     */
    public Application get(Actor actor, String applicationId) {
        return visible(actor, applicationId);
    }

    /**
     * The full internal history, with comments and actors, for staff.
     *
     * @param actor staff of the application's agency, or the system
     * @param applicationId the application
     * @return the history, oldest first
     * @throws NotFoundException {@code NOT_FOUND} when it does not exist or the actor may not see it
     * @throws AccessDeniedException {@code ACCESS_DENIED} for the applicant (who gets {@link #publicStatus})
     */
    public List<HistoryEntry> history(Actor actor, String applicationId) {
        Application application = visible(actor, applicationId);
        if (actor.isApplicant()) {
            throw new AccessDeniedException("read internal history");
        }
        return store.history(application.id());
    }

    /**
     * What the applicant may see: public labels and the timeline, never comments or who acted.
     *
     * @param actor the applicant who owns it, staff of its agency, or the system
     * @param applicationId the application
     * @return the public status
     * @throws NotFoundException {@code NOT_FOUND} when it does not exist or the actor may not see it
     */
    public PublicStatus publicStatus(Actor actor, String applicationId) {
        return publicStatusOf(visible(actor, applicationId));
    }

    /**
     * @param actor anyone who may see the application
     * @param applicationId the application
     * @return the actions this actor could take now (the four-eyes rules and guards are checked
     *     when acting)
     */
    public List<ActionDefinition> availableActions(Actor actor, String applicationId) {
        Application application = visible(actor, applicationId);
        WorkflowDefinition definition = definitions.get(application.type(), application.definitionVersion());
        List<ActionDefinition> result = new ArrayList<>();
        for (ActionDefinition action : definition.actionsAvailableIn(application.state())) {
            if (mayPerform(actor, application, action)) {
                result.add(action);
            }
        }
        return result;
    }

    /**
     * The staff inbox: applications of the actor's agency, earliest state due date first.
     *
     * @param actor a staff member
     * @param filter narrowing
     * @param page which page
     * @return one page
     * @throws AccessDeniedException {@code ACCESS_DENIED} unless the actor is staff
     */
    public Page<Application> inbox(Actor actor, InboxFilter filter, PageRequest page) {
        String agency = requireStaff(actor, "read inbox");
        Set<String> states = new HashSet<>();
        if (filter.actionableOnly()) {
            for (WorkflowDefinition definition : definitions.all()) {
                if (filter.type() != null && !filter.type().equals(definition.type())) {
                    continue;
                }
                for (StateDefinition state : definition.states()) {
                    for (ActionDefinition action : definition.actionsAvailableIn(state.name())) {
                        if (action.by() == ActionDefinition.Performer.STAFF
                                && action.roles().stream().anyMatch(actor::hasRole)) {
                            states.add(state.name());
                        }
                    }
                }
            }
            if (states.isEmpty()) {
                return Page.empty(page);
            }
        }
        if (filter.state() != null) {
            if (filter.actionableOnly() && !states.contains(filter.state())) {
                return Page.empty(page);
            }
            states = Set.of(filter.state());
        }
        return store.search(new ApplicationQuery(agency, filter.type(), states, filter.assignee()), page);
    }

    /**
     * @param actor a staff member
     * @param type an application type, or {@code null} for all
     * @return the number of the agency's applications per state
     * @throws AccessDeniedException {@code ACCESS_DENIED} unless the actor is staff
     */
    public Map<String, Long> countsByState(Actor actor, @Nullable String type) {
        return store.countByState(requireStaff(actor, "count applications"), type);
    }

    /**
     * Applications whose current state is due within {@code workingDays} working days from today
     * (today included) and not yet breached.
     *
     * @param actor a staff member
     * @param workingDays how far ahead to look
     * @param limit the most applications to return
     * @return the applications, earliest due first
     */
    public List<Application> slaNearing(Actor actor, int workingDays, int limit) {
        String agency = requireStaff(actor, "read SLA list");
        LocalDate today = calendar.dateOf(now());
        LocalDate last = calendar.addWorkingDays(today, workingDays);
        return store.dueBetween(agency, today, last, false, limit);
    }

    /**
     * Applications whose current state's due date has passed.
     *
     * @param actor a staff member
     * @param limit the most applications to return
     * @return the applications, earliest due first
     */
    public List<Application> slaBreached(Actor actor, int limit) {
        String agency = requireStaff(actor, "read SLA list");
        return store.dueBetween(agency, null, calendar.dateOf(now()).minusDays(1), false, limit);
    }

    /**
     * Escalates every SLA breach not escalated yet, each in its own transaction: marks it, appends
     * {@code application.sla_breached} to the audit trail, publishes {@code workflow.sla_breached}
     * and, when the state names an {@link StateDefinition#onSlaBreach() onSlaBreach} action, takes
     * that action as the system actor {@code workflow-sla-escalation} (with history, audit and its
     * own event, like {@link #perform}). Safe to run on several instances at once: each breach is
     * escalated, and its action taken, exactly once. A breach whose action is refused (a guard says
     * no) is still escalated, with {@code actionRefused} in the event; one that changed meanwhile
     * is left to a later run.
     *
     * @param limit the most breaches to look at in this run
     * @return how many breaches this call escalated
     */
    public int escalateBreaches(int limit) {
        Actor system = Actor.system(ESCALATION_ACTOR);
        LocalDate yesterday = calendar.dateOf(now()).minusDays(1);
        int escalated = 0;
        for (Application candidate : store.dueBetween(null, null, yesterday, true, limit)) {
            if (candidate.stateDueOn() == null) {
                continue;
            }
            LocalDate due = candidate.stateDueOn();
            try {
                boolean claimed = transactions.inTransaction(() -> escalate(system, candidate, due));
                if (claimed) {
                    escalated++;
                }
            } catch (ConflictException e) {
                LOG.debug("application {} changed while its SLA breach was escalated; a later run retries",
                        candidate.id());
            }
        }
        return escalated;
    }

    private boolean escalate(Actor system, Application candidate, LocalDate due) {
        Instant now = now();
        if (!store.claimEscalation(candidate.id(), due, now)) {
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", candidate.state());
        details.put("stateDueOn", due);
        String action = definitions.get(candidate.type(), candidate.definitionVersion()).state(candidate.state())
                .map(StateDefinition::onSlaBreach).orElse(null);
        if (action != null) {
            details.put("action", action);
            try {
                // not perform(): a refusal caught here must not mark the claim's transaction for rollback;
                // every refusal is thrown before anything is written
                performInTransaction(system, candidate.id(), action, "SLA breached: due " + due,
                        candidate.version());
            } catch (ConflictException e) {
                throw e;
            } catch (GcamException e) {
                if (e.errorCode() == CoreErrorCode.STORAGE_FAILURE) {
                    throw e;
                }
                LOG.warn("SLA breach action {} on application {} was refused: {}", action, candidate.id(),
                        e.code());
                details.put("actionRefused", e.code());
            }
        }
        audit.append(system, "application.sla_breached", AGGREGATE, candidate.id(), details);
        events.publish(event("workflow.sla_breached", candidate).payload(details).build());
        return true;
    }

    /** The public view of an application, for the inquiry service. */
    PublicStatus publicStatusOf(Application application) {
        WorkflowDefinition definition = definitions.get(application.type(), application.definitionVersion());
        StateDefinition state = definition.state(application.state()).orElseThrow();
        List<PublicStatus.Step> timeline = new ArrayList<>();
        for (HistoryEntry entry : store.history(application.id())) {
            if (entry.changedState()) {
                definition.state(entry.toState())
                        .ifPresent(s -> timeline.add(new PublicStatus.Step(entry.at(), s.publicLabel())));
            }
        }
        return new PublicStatus(application.referenceNumber(), state.publicLabel(), state.terminal(),
                state.documentsAllowed(), application.dueOn(), timeline);
    }

    ApplicationStore store() {
        return store;
    }

    private Application visible(Actor actor, String applicationId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(applicationId, "applicationId");
        Application application = store.find(applicationId)
                .orElseThrow(() -> new NotFoundException(APPLICATION_KIND, applicationId));
        if (!actor.isOwnerOrStaffOf(application.applicantId(), application.agency())) {
            throw new NotFoundException(APPLICATION_KIND, applicationId);
        }
        return application;
    }

    private void checkPerformer(Actor actor, Application application, ActionDefinition action) {
        if (action.by() == ActionDefinition.Performer.APPLICANT) {
            if (!(actor.isApplicant() && actor.subjectId().equals(application.applicantId()))) {
                throw new AccessDeniedException(action.name());
            }
            return;
        }
        if (actor.isStaff() && actor.subjectId().equals(application.applicantId())) {
            throw new GcamException(WorkflowErrorCode.WORKFLOW_OWN_APPLICATION);
        }
        if (!(actor.isSystem() || (actor.isStaffOf(application.agency())
                && action.roles().stream().anyMatch(actor::hasRole)))) {
            throw new AccessDeniedException(action.name());
        }
        if (action.notByPreviousActor() && actor.subjectId().equals(application.lastActorId())) {
            throw new GcamException(WorkflowErrorCode.WORKFLOW_SAME_ACTOR, action.name());
        }
    }

    private boolean mayPerform(Actor actor, Application application, ActionDefinition action) {
        try {
            checkPerformer(actor, application, action);
            return true;
        } catch (GcamException e) {
            return false;
        }
    }

    private static String requireStaff(Actor actor, String operation) {
        if (!actor.isStaff() || actor.agency() == null) {
            throw new AccessDeniedException(operation);
        }
        return actor.agency();
    }

    private @Nullable LocalDate stateDue(StateDefinition state, LocalDate today) {
        return state.terminal() || state.slaWorkingDays() == null ? null
                : calendar.addWorkingDays(today, state.slaWorkingDays());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private DomainEvent.Builder event(String type, Application application) {
        return DomainEvent.builder(type)
                .id(ids.next())
                .occurredAt(now())
                .aggregate(AGGREGATE, application.id())
                .agency(application.agency())
                .payload("referenceNumber", application.referenceNumber())
                .payload("type", application.type())
                .payload("version", application.version());
    }

    private static void requireJsonObject(String formData) {
        Objects.requireNonNull(formData, "formData");
        LocalizedText problem = null;
        if (formData.length() > MAX_FORM_DATA_LENGTH) {
            problem = LocalizedText.of("The form is too large.", "表格資料過大。", "O formulário é demasiado grande.");
        } else {
            try {
                JsonNode node = JSON.readTree(formData);
                if (node == null || !node.isObject()) {
                    problem = LocalizedText.of("The form must be a JSON object.", "表格資料必須是 JSON 物件。",
                            "O formulário tem de ser um objeto JSON.");
                }
            } catch (JsonProcessingException e) {
                problem = LocalizedText.of("The form is not valid JSON.", "表格資料不是有效的 JSON。",
                        "O formulário não é JSON válido.");
            }
        }
        if (problem != null) {
            throw ValidationException.of("formData", problem);
        }
    }

    private static <T> T require(@Nullable T value, String name) {
        if (value == null) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, "WorkflowService needs " + name + "(...)");
        }
        return value;
    }

    /** Configures a {@link WorkflowService}. Not thread-safe; build once and share the result. */
    public static final class Builder {
        private @Nullable WorkflowDefinitions definitions;
        private @Nullable ApplicationStore store;
        private @Nullable ReferenceNumberGenerator referenceNumbers;
        private @Nullable TransactionRunner transactions;
        private @Nullable AuditTrail audit;
        private @Nullable EventPublisher events;
        private @Nullable BusinessCalendar calendar;
        private Clock clock = Clock.systemUTC();
        private @Nullable IdGenerator ids;
        private final Map<String, TransitionGuard> guards = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Required.
         *
         * @param definitions the workflow definitions
         * @return this builder
         */
        public Builder definitions(WorkflowDefinitions definitions) {
            this.definitions = Objects.requireNonNull(definitions, "definitions");
            return this;
        }

        /**
         * Required.
         *
         * @param store where applications are kept
         * @return this builder
         */
        public Builder store(ApplicationStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Required.
         *
         * @param generator issues the reference numbers of new applications; it is called before the
         *     submission's transaction, so a submission that fails leaves a gap in the numbers (use
         *     {@code JdbcSequenceStore.create(pool)})
         * @return this builder
         */
        public Builder referenceNumbers(ReferenceNumberGenerator generator) {
            this.referenceNumbers = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * Required.
         *
         * @param runner the transaction runner the store, audit trail and listeners join
         * @return this builder
         */
        public Builder transactions(TransactionRunner runner) {
            this.transactions = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /**
         * Required.
         *
         * @param trail the audit trail every change is appended to
         * @return this builder
         */
        public Builder audit(AuditTrail trail) {
            this.audit = Objects.requireNonNull(trail, "trail");
            return this;
        }

        /**
         * Required.
         *
         * @param publisher where the domain events go
         * @return this builder
         */
        public Builder events(EventPublisher publisher) {
            this.events = Objects.requireNonNull(publisher, "publisher");
            return this;
        }

        /**
         * @param businessCalendar the calendar SLA due dates are counted on; default Saturday and
         *     Sunday off, no holidays
         * @return this builder
         */
        public Builder calendar(BusinessCalendar businessCalendar) {
            this.calendar = Objects.requireNonNull(businessCalendar, "businessCalendar");
            return this;
        }

        /**
         * @param source the clock; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock source) {
            this.clock = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param generator issues application and event ids; default {@code IdGenerator.create(clock)}
         * @return this builder
         */
        public Builder ids(IdGenerator generator) {
            this.ids = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * @param name the name definitions use for the guard
         * @param guard the guard
         * @return this builder
         */
        public Builder guard(String name, TransitionGuard guard) {
            guards.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(guard, "guard"));
            return this;
        }

        /**
         * @return the service
         * @throws GcamException {@code CONFIGURATION_INVALID} when a required setting is missing;
         *     {@code WORKFLOW_DEFINITION_INVALID} when a definition names a guard not given here
         */
        public WorkflowService build() {
            return new WorkflowService(this);
        }
    }
}
