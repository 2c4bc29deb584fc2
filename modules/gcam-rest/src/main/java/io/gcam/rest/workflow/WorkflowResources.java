package io.gcam.rest.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.Actor;
import io.gcam.core.LocalizedText;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.ValidationException;
import io.gcam.rest.ClientAddress;
import io.gcam.rest.Idempotent;
import io.gcam.rest.IdempotentRequest;
import io.gcam.rest.RequestActor;
import io.gcam.rest.workflow.WorkflowDtos.ActionRequest;
import io.gcam.rest.workflow.WorkflowDtos.ApplicationView;
import io.gcam.rest.workflow.WorkflowDtos.HistoryView;
import io.gcam.rest.workflow.WorkflowDtos.InboxView;
import io.gcam.rest.workflow.WorkflowDtos.InquiryRequest;
import io.gcam.rest.workflow.WorkflowDtos.NewApplication;
import io.gcam.rest.workflow.WorkflowDtos.SlaView;
import io.gcam.rest.workflow.WorkflowDtos.SubmissionView;
import io.gcam.workflow.ActionDefinition;
import io.gcam.workflow.Application;
import io.gcam.workflow.InboxFilter;
import io.gcam.workflow.PublicStatus;
import io.gcam.workflow.StatusInquiries;
import io.gcam.workflow.Submission;
import io.gcam.workflow.WorkflowService;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The gcam-workflow REST API. Register {@link #resources()} with the Jakarta REST application,
 * next to {@code GcamRestFeature}:
 *
 * <pre>{@code
 * WorkflowResources api = WorkflowResources.create(workflow, inquiries);
 * resourceConfig.registerInstances(api.resources());
 * }</pre>
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>Method and path</th><th>Who</th><th>What</th></tr>
 *   <tr><td>{@code POST /api/v1/applications}</td><td>applicant</td><td>submit (honours
 *       {@code Idempotency-Key}); 201 with the access code</td></tr>
 *   <tr><td>{@code GET /api/v1/applications/{id}}</td><td>owner, agency staff</td><td>the application</td></tr>
 *   <tr><td>{@code POST /api/v1/applications/{id}/actions/{action}}</td><td>per definition</td><td>take an
 *       action; 409 on a concurrent change</td></tr>
 *   <tr><td>{@code GET /api/v1/applications/{id}/history}</td><td>agency staff: full history; owner: public
 *       status and timeline</td><td></td></tr>
 *   <tr><td>{@code GET /api/v1/inbox}</td><td>staff</td><td>paged inbox with counts per state</td></tr>
 *   <tr><td>{@code GET /api/v1/inbox/sla?workingDays&limit}</td><td>staff</td><td>applications nearing
 *       their state's due date, and overdue ones</td></tr>
 *   <tr><td>{@code POST /api/v1/status-inquiries}</td><td>anyone, no login</td><td>public status by
 *       reference number and access code (or date of birth); rate limited per client address
 *       ({@link ClientAddress}: set {@link ClientAddress#PROPERTY} in the container adapter)</td></tr>
 * </table>
 */
public final class WorkflowResources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkflowService workflow;
    private final StatusInquiries inquiries;
    private final Function<ContainerRequestContext, String> clientKey;

    private WorkflowResources(WorkflowService workflow, StatusInquiries inquiries,
            Function<ContainerRequestContext, String> clientKey) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.inquiries = Objects.requireNonNull(inquiries, "inquiries");
        this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
    }

    /**
     * Resources for an application that clients reach directly: status inquiries are rate limited per
     * socket address ({@link ClientAddress#direct()}); the container adapter must set
     * {@link ClientAddress#PROPERTY}.
     *
     * @param workflow the workflow service
     * @param inquiries the status inquiry service
     * @return the resources
     */
    public static WorkflowResources create(WorkflowService workflow, StatusInquiries inquiries) {
        return create(workflow, inquiries, ClientAddress.direct());
    }

    /**
     * Resources whose status inquiries are rate limited per client address as {@code clientAddress}
     * finds it (for example {@link ClientAddress#trustingProxies} behind reverse proxies).
     *
     * @param workflow the workflow service
     * @param inquiries the status inquiry service
     * @param clientAddress finds the client's address; the container adapter must set
     *     {@link ClientAddress#PROPERTY}
     * @return the resources
     */
    public static WorkflowResources create(WorkflowService workflow, StatusInquiries inquiries,
            ClientAddress clientAddress) {
        Objects.requireNonNull(clientAddress, "clientAddress");
        return new WorkflowResources(workflow, inquiries, clientAddress::of);
    }

    /**
     * Resources whose status inquiries are rate limited per the key {@code clientKey} gives (a kiosk id
     * or phone line set by a trusted filter, for instance). The key must not be something the client
     * can choose freely, such as a request header, or the limit can be evaded.
     *
     * @param workflow the workflow service
     * @param inquiries the status inquiry service
     * @param clientKey names the client of a status inquiry for rate limiting
     * @return the resources
     */
    public static WorkflowResources create(WorkflowService workflow, StatusInquiries inquiries,
            Function<ContainerRequestContext, String> clientKey) {
        return new WorkflowResources(workflow, inquiries, clientKey);
    }

    /** @return the resource instances to register */
    public Set<Object> resources() {
        return Set.of(new Applications(this), new Inbox(this), new Sla(this), new Inquiries(this));
    }

    ApplicationView view(Actor actor, Application a) {
        PublicStatus status = workflow.publicStatus(actor, a.id());
        List<String> actions = workflow.availableActions(actor, a.id()).stream().map(ActionDefinition::name).toList();
        boolean staff = !actor.isApplicant();
        JsonNode form;
        try {
            form = JSON.readTree(a.formData());
        } catch (JsonProcessingException e) {
            form = JSON.createObjectNode();
        }
        return new ApplicationView(a.id(), a.referenceNumber(), a.type(), a.agency(), a.state(), status.status(),
                status.finished(), status.documentsAllowed(), a.version(), staff ? a.assignee() : null,
                staff ? a.stateDueOn() : null, a.dueOn(), a.submittedAt(), a.updatedAt(), actions, form);
    }

    /** {@code /api/v1/applications}. */
    @Path("/api/v1/applications")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Applications {

        private final WorkflowResources owner;

        private Applications(WorkflowResources owner) {
            this.owner = owner;
        }

        /**
         * Submits an application.
         *
         * @param body the application
         * @param security the caller
         * @param idempotency the Idempotency-Key handling
         * @return 201 with the application and its access code
         */
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent
        public Response submit(NewApplication body, @Context SecurityContext security,
                @BeanParam IdempotentRequest idempotency) {
            Actor actor = RequestActor.from(security);
            if (body == null || body.type() == null || body.agency() == null) {
                throw ValidationException.of("type", LocalizedText.of("Give the application type and agency.",
                        "請提供申請類別及機構。", "Indique o tipo de pedido e o serviço."));
            }
            String form = body.formData() == null ? "{}" : body.formData().toString();
            return idempotency.run(body, () -> {
                Submission s = owner.workflow.submit(actor, body.type(), body.agency(), form, body.dateOfBirth());
                return Response.created(URI.create("/api/v1/applications/" + s.application().id()))
                        .entity(new SubmissionView(owner.view(actor, s.application()), s.accessCode())).build();
            });
        }

        /**
         * @param id the application id
         * @param security the caller
         * @return the application
         */
        @GET
        @Path("{id}")
        public ApplicationView get(@PathParam("id") String id, @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            return owner.view(actor, owner.workflow.get(actor, id));
        }

        /**
         * Takes an action.
         *
         * @param id the application id
         * @param action the action name
         * @param body comment and expected version; may be empty
         * @param security the caller
         * @return the application after the action
         */
        @POST
        @Path("{id}/actions/{action}")
        @Consumes(MediaType.APPLICATION_JSON)
        public ApplicationView perform(@PathParam("id") String id, @PathParam("action") String action,
                @Nullable ActionRequest body, @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            ActionRequest request = body == null ? new ActionRequest(null, null) : body;
            Application after = owner.workflow.perform(actor, id, action, request.comment(), request.expectedVersion());
            return owner.view(actor, after);
        }

        /**
         * The history: the full internal history for staff, the public status and timeline for the
         * applicant.
         *
         * @param id the application id
         * @param security the caller
         * @return a list of {@link HistoryView} for staff, a {@link PublicStatus} for the applicant
         */
        @GET
        @Path("{id}/history")
        public Object history(@PathParam("id") String id, @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            if (actor.isApplicant()) {
                return owner.workflow.publicStatus(actor, id);
            }
            return owner.workflow.history(actor, id).stream()
                    .map(h -> new HistoryView(h.sequence(), h.at(), h.actorId(), h.actorKind().name(), h.action(),
                            h.fromState(), h.toState(), h.comment()))
                    .toList();
        }
    }

    /** {@code GET /api/v1/inbox}. */
    @Path("/api/v1/inbox")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Inbox {

        private final WorkflowResources owner;

        private Inbox(WorkflowResources owner) {
            this.owner = owner;
        }

        /**
         * @param type only this application type
         * @param state only this state
         * @param assignee only this assignee ({@code me} for the caller)
         * @param actionable only applications the caller's roles can act on
         * @param page page number from 0
         * @param size page size
         * @param security the caller
         * @return one page with the counts per state
         */
        @GET
        public InboxView inbox(@QueryParam("type") @Nullable String type, @QueryParam("state") @Nullable String state,
                @QueryParam("assignee") @Nullable String assignee,
                @QueryParam("actionable") @DefaultValue("false") boolean actionable,
                @QueryParam("page") @DefaultValue("0") int page,
                @QueryParam("size") @DefaultValue("20") int size, @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            String who = "me".equals(assignee) ? actor.subjectId() : assignee;
            Page<Application> result = owner.workflow.inbox(actor, new InboxFilter(type, state, who, actionable),
                    PageRequest.of(page, size));
            return new InboxView(result.items().stream().map(a -> owner.view(actor, a)).toList(), result.page(),
                    result.size(), result.total(), owner.workflow.countsByState(actor, type));
        }
    }

    /** {@code GET /api/v1/inbox/sla}. */
    @Path("/api/v1/inbox/sla")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Sla {

        private final WorkflowResources owner;

        private Sla(WorkflowResources owner) {
            this.owner = owner;
        }

        /**
         * The agency's applications whose current state is due soon, and those already overdue.
         *
         * @param workingDays how many working days ahead count as "nearing" (today included)
         * @param limit the most applications per list, 1 to 200
         * @param security the caller (staff)
         * @return both lists, earliest due first
         */
        @GET
        public SlaView sla(@QueryParam("workingDays") @DefaultValue("2") int workingDays,
                @QueryParam("limit") @DefaultValue("50") int limit, @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            if (workingDays < 0 || workingDays > 60 || limit < 1 || limit > 200) {
                throw ValidationException.of("limit", LocalizedText.of(
                        "Use workingDays from 0 to 60 and limit from 1 to 200.",
                        "workingDays 須介乎 0 至 60，limit 須介乎 1 至 200。",
                        "Use workingDays de 0 a 60 e limit de 1 a 200."));
            }
            return new SlaView(owner.workflow.slaNearing(actor, workingDays, limit).stream().map(a -> owner.view(actor, a)).toList(),
                    owner.workflow.slaBreached(actor, limit).stream().map(a -> owner.view(actor, a)).toList());
        }
    }

    /** {@code POST /api/v1/status-inquiries}: no login. */
    @Path("/api/v1/status-inquiries")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Inquiries {

        private final WorkflowResources owner;

        private Inquiries(WorkflowResources owner) {
            this.owner = owner;
        }

        /**
         * @param body reference number and access code, or reference number and date of birth
         * @param request the request, for the client key
         * @return the public status; 404 {@code WORKFLOW_INQUIRY_FAILED} for a wrong reference or code
         */
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public PublicStatus inquire(@Nullable InquiryRequest body, @Context ContainerRequestContext request) {
            InquiryRequest inquiry = body == null ? new InquiryRequest(null, null, null) : body;
            String reference = inquiry.referenceNumber() == null ? "" : inquiry.referenceNumber();
            String client = owner.clientKey.apply(request);
            if ((inquiry.accessCode() == null || inquiry.accessCode().isBlank()) && inquiry.dateOfBirth() != null) {
                return owner.inquiries.inquireByDateOfBirth(reference, inquiry.dateOfBirth(), client);
            }
            return owner.inquiries.inquire(reference, inquiry.accessCode() == null ? "" : inquiry.accessCode(), client);
        }
    }
}
