package io.gcam.catalog.workflow;

import io.gcam.catalog.CatalogErrorCode;
import io.gcam.catalog.CatalogException;
import io.gcam.catalog.Filing;
import io.gcam.catalog.spi.CatalogStore;
import io.gcam.catalog.spi.FiledApplication;
import io.gcam.catalog.spi.FilingRequest;
import io.gcam.catalog.spi.RemoteStatus;
import io.gcam.catalog.spi.ServiceConnector;
import io.gcam.core.Actor;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.DomainEvent;
import io.gcam.core.DomainEventListener;
import io.gcam.core.GcamException;
import io.gcam.core.NotFoundException;
import io.gcam.workflow.Application;
import io.gcam.workflow.PublicStatus;
import io.gcam.workflow.Submission;
import io.gcam.workflow.WorkflowDefinition;
import io.gcam.workflow.WorkflowDefinitions;
import io.gcam.workflow.WorkflowService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The local {@link ServiceConnector}: files single-window applications as applications of a GCAM
 * {@link WorkflowService} in the same application, and reads their public status from it.
 *
 * <pre>{@code
 * window.connector("SAFP", new WorkflowServiceConnector(workflow, Map.of("SAFP-RECRUIT", "recruitment")));
 * }</pre>
 *
 * <p>This package is the only part of gcam-catalog that uses gcam-workflow, an optional dependency:
 * gcam-workflow knows nothing of the catalogue, and applications without it simply do not use this
 * class. Filing runs {@link WorkflowService#submit} as the citizen (in its own transaction), so the
 * workflow's checks, audit and events apply as if the citizen had applied there directly.
 */
public final class WorkflowServiceConnector implements ServiceConnector {

    /** The workflow event of a new application, which {@link #filingRecorder(CatalogStore)} listens to. */
    public static final String SUBMITTED = "workflow.application_submitted";

    private static final Actor RECORDER = Actor.system("single-window-filing-recorder");

    private final WorkflowService workflow;
    private final Map<String, String> typeByService;

    /**
     * @param workflow the workflow service
     * @param typeByService the workflow application type of each catalogue service code
     */
    public WorkflowServiceConnector(WorkflowService workflow, Map<String, String> typeByService) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.typeByService = Map.copyOf(typeByService);
    }

    @Override
    public FiledApplication file(FilingRequest request) {
        String type = typeByService.get(request.serviceCode());
        if (type == null) {
            throw new CatalogException(CatalogErrorCode.SERVICE_NOT_ONLINE, request.serviceCode());
        }
        Submission s = workflow.submit(Actor.applicant(request.applicantId()), type, request.agency(),
                request.formData());
        return new FiledApplication(s.application().id(), s.application().referenceNumber(), s.accessCode());
    }

    @Override
    public List<RemoteStatus> statuses(String applicantId, List<String> applicationIds) {
        Actor applicant = Actor.applicant(applicantId);
        List<RemoteStatus> result = new ArrayList<>();
        for (String id : applicationIds) {
            try {
                PublicStatus status = workflow.publicStatus(applicant, id);
                result.add(new RemoteStatus(id, status.status(), status.finished(),
                        status.timeline().isEmpty() ? null : status.timeline().get(status.timeline().size() - 1).at()));
            } catch (NotFoundException e) {
                // not this applicant's, or gone: left out as the SPI says
            } catch (GcamException e) {
                throw new CatalogException(CatalogErrorCode.AGENCY_UNAVAILABLE, e, "local workflow");
            }
        }
        return result;
    }

    /**
     * A listener that records every application of this connector's types as a filing of the single
     * window, also when the citizen applied to the workflow directly (its own API or pages) rather than
     * through the single window, so that {@code SingleWindow#myApplications} lists all of them.
     *
     * <pre>{@code
     * WorkflowServiceConnector safp = new WorkflowServiceConnector(workflow, Map.of("SAFP-RECRUIT", "recruitment"));
     * events.subscribe(WorkflowServiceConnector.SUBMITTED, safp.filingRecorder(catalogStore), OnFailure.PROPAGATE);
     * }</pre>
     *
     * <p>Guarantees:
     * <ul>
     *   <li>It records in the publisher's transaction (subscribe it to the synchronous publisher the
     *       workflow publishes on, with {@code OnFailure.PROPAGATE}): a rolled-back submission leaves
     *       no filing, and a filing that cannot be recorded rolls the submission back.</li>
     *   <li>An application is recorded once: a redelivered event changes nothing, and
     *       {@code SingleWindow#apply} reuses the filing recorded here for an application it filed.</li>
     *   <li>The filing's agency is the application's agency; register this connector in the single
     *       window under that agency so that the status of the application can be read.</li>
     *   <li>Events of other types, and applications of types no service maps to, are ignored.
     *       Applications submitted before the listener was subscribed are not recorded.</li>
     * </ul>
     *
     * @param store where the single window records its filings
     * @return the listener
     * @throws GcamException {@code CONFIGURATION_INVALID} when one application type is mapped to several
     *     services (a direct application could not be told apart)
     */
    public DomainEventListener filingRecorder(CatalogStore store) {
        Objects.requireNonNull(store, "store");
        Map<String, String> serviceByType = new HashMap<>();
        typeByService.forEach((service, type) -> {
            String other = serviceByType.put(type, service);
            if (other != null) {
                throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, "application type " + type
                        + " is mapped to services " + other + " and " + service + "; record filings for one of them");
            }
        });
        return event -> record(store, serviceByType, event);
    }

    private void record(CatalogStore store, Map<String, String> serviceByType, DomainEvent event) {
        if (!SUBMITTED.equals(event.type()) || !(event.payload().get("type") instanceof String type)) {
            return;
        }
        String serviceCode = serviceByType.get(type);
        if (serviceCode == null) {
            return;
        }
        Application application = workflow.get(RECORDER, event.aggregateId());
        boolean known = store.filingsOf(application.applicantId()).stream().anyMatch(
                f -> f.agency().equals(application.agency()) && f.applicationId().equals(application.id()));
        if (!known) {
            // the event id is unique and the same on redelivery
            store.insertFiling(new Filing(event.id(), application.applicantId(), serviceCode, application.agency(),
                    application.id(), application.referenceNumber(), event.occurredAt()));
        }
    }

    /**
     * The final states of an application type in every version of its definition, for
     * {@link io.gcam.catalog.ServicePerformance.Builder#track(String, String, Set)}.
     *
     * @param definitions the workflow definitions
     * @param type an application type
     * @return the names of its terminal states
     */
    public static Set<String> terminalStates(WorkflowDefinitions definitions, String type) {
        Set<String> states = new TreeSet<>();
        for (WorkflowDefinition d : definitions.all()) {
            if (d.type().equals(type)) {
                d.states().stream().filter(s -> s.terminal()).forEach(s -> states.add(s.name()));
            }
        }
        return states;
    }
}
