package io.gcam.samples.portal.catalog;

import io.gcam.catalog.CatalogErrorCode;
import io.gcam.catalog.CatalogException;
import io.gcam.catalog.spi.FiledApplication;
import io.gcam.catalog.spi.FilingRequest;
import io.gcam.catalog.spi.RemoteStatus;
import io.gcam.catalog.spi.ServiceConnector;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A connector whose backend becomes known after the single window is built (here: the portal's own
 * address, once it listens). Until {@link #connect} is called the agency is unavailable.
 */
final class LateConnector implements ServiceConnector {

    private final String agency;
    private final AtomicReference<ServiceConnector> target = new AtomicReference<>();

    LateConnector(String agency) {
        this.agency = agency;
    }

    void connect(ServiceConnector connector) {
        target.set(connector);
    }

    @Override
    public FiledApplication file(FilingRequest request) {
        return connected().file(request);
    }

    @Override
    public List<RemoteStatus> statuses(String applicantId, List<String> applicationIds) {
        return connected().statuses(applicantId, applicationIds);
    }

    private ServiceConnector connected() {
        ServiceConnector connector = target.get();
        if (connector == null) {
            throw new CatalogException(CatalogErrorCode.AGENCY_UNAVAILABLE, agency);
        }
        return connector;
    }
}
