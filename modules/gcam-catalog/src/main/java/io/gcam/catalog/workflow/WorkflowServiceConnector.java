package io.gcam.catalog.workflow;

import io.gcam.catalog.CatalogErrorCode;
import io.gcam.catalog.CatalogException;
import io.gcam.catalog.spi.FiledApplication;
import io.gcam.catalog.spi.FilingRequest;
import io.gcam.catalog.spi.RemoteStatus;
import io.gcam.catalog.spi.ServiceConnector;
import io.gcam.core.Actor;
import io.gcam.core.GcamException;
import io.gcam.core.NotFoundException;
import io.gcam.workflow.PublicStatus;
import io.gcam.workflow.Submission;
import io.gcam.workflow.WorkflowDefinition;
import io.gcam.workflow.WorkflowDefinitions;
import io.gcam.workflow.WorkflowService;
import java.util.ArrayList;
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
