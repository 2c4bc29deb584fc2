package io.gcam.catalog.spi;

import io.gcam.catalog.CatalogException;
import java.util.List;

/**
 * The single window's line to one agency's backend: files applications there and reads their
 * public status. gcam-catalog ships a local connector for a GCAM workflow in the same application
 * ({@code io.gcam.catalog.workflow.WorkflowServiceConnector}) and one for a backend that speaks
 * JSON over HTTP ({@code io.gcam.catalog.http.HttpServiceConnector}).
 *
 * <p>Guarantees an implementation must give:
 * <ul>
 *   <li>{@link #file} files at most one application per {@link FilingRequest#filingId()}, also when
 *       it retries.</li>
 *   <li>A backend that is down or too slow is reported with {@code AGENCY_UNAVAILABLE}, a refusal by
 *       the backend with {@code AGENCY_REJECTED}; never with a raw I/O exception.</li>
 *   <li>Calls are bounded in time (timeouts); the single window adds its own deadline on top.</li>
 *   <li>{@link #statuses} answers only for applications of that applicant.</li>
 * </ul>
 */
public interface ServiceConnector {

    /**
     * Files an application with the agency.
     *
     * @param request the application
     * @return the backend's identifiers for it
     * @throws CatalogException {@code AGENCY_UNAVAILABLE} or {@code AGENCY_REJECTED}
     */
    FiledApplication file(FilingRequest request);

    /**
     * Reads the public status of some of an applicant's applications.
     *
     * @param applicantId the citizen's subject id
     * @param applicationIds the backend identifiers of their applications
     * @return the statuses found, in any order; applications the backend does not know (or that are
     *     not the applicant's) are left out
     * @throws CatalogException {@code AGENCY_UNAVAILABLE}
     */
    List<RemoteStatus> statuses(String applicantId, List<String> applicationIds);
}
