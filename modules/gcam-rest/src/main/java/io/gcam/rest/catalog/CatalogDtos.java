package io.gcam.rest.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.gcam.catalog.ApplicationReceipt;
import io.gcam.catalog.Channel;
import io.gcam.catalog.MyApplications;
import io.gcam.catalog.ServiceDefinition;
import io.gcam.catalog.ServiceEntry;
import io.gcam.catalog.ServiceStatus;
import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the catalogue API. */
public final class CatalogDtos {

    private CatalogDtos() {
    }

    /**
     * One version of a catalogue entry.
     *
     * @param code the service code
     * @param agency the owning agency
     * @param version the version number
     * @param status its lifecycle status
     * @param effectiveFrom the first public day, or {@code null} for a draft
     * @param channels the channels of all steps together
     * @param definition the whole entry (names, steps, documents, fees, times, links)
     */
    public record ServiceView(String code, String agency, int version, ServiceStatus status,
            @Nullable LocalDate effectiveFrom, Set<Channel> channels, ServiceDefinition definition) {

        static ServiceView of(ServiceEntry e) {
            return new ServiceView(e.code(), e.agency(), e.version(), e.status(), e.effectiveFrom(),
                    e.definition().channels(), e.definition());
        }
    }

    /**
     * The body of a publish request.
     *
     * @param effectiveFrom the first public day, or {@code null} for today
     */
    public record PublishRequest(@Nullable LocalDate effectiveFrom) {
    }

    /**
     * The body of an application through the single window.
     *
     * @param formData the form, a JSON object; {@code null} means an empty form
     */
    public record ApplyRequest(@Nullable JsonNode formData) {
    }

    /**
     * A filed application.
     *
     * @param serviceCode the service
     * @param agency the agency handling it
     * @param applicationId its id in the agency's backend
     * @param referenceNumber its reference number
     * @param filedAt when it was filed
     * @param accessCode the code for status inquiries without login, shown once; or {@code null}
     */
    public record ReceiptView(String serviceCode, String agency, String applicationId, String referenceNumber,
            Instant filedAt, @Nullable String accessCode) {

        static ReceiptView of(ApplicationReceipt r) {
            return new ReceiptView(r.filing().serviceCode(), r.filing().agency(), r.filing().applicationId(),
                    r.filing().referenceNumber(), r.filing().filedAt(), r.accessCode());
        }
    }

    /**
     * One of the citizen's applications.
     *
     * @param serviceCode the service
     * @param serviceName its public name, or {@code null} when it is no longer public
     * @param agency the agency handling it
     * @param applicationId its id in the agency's backend
     * @param referenceNumber its reference number
     * @param filedAt when it was filed
     * @param available whether the agency's backend answered; {@code false}: status unavailable right now
     * @param status the public status, or {@code null}
     * @param finished whether it is finished, or {@code null} when unknown
     * @param since when it entered its status, or {@code null}
     */
    public record MyApplicationView(String serviceCode, @Nullable LocalizedText serviceName, String agency,
            String applicationId, String referenceNumber, Instant filedAt, boolean available,
            @Nullable LocalizedText status, @Nullable Boolean finished, @Nullable Instant since) {
    }

    /**
     * The citizen's applications across agencies.
     *
     * @param items newest first
     * @param unavailableAgencies agencies whose status could not be read now
     */
    public record MyApplicationsView(List<MyApplicationView> items, List<String> unavailableAgencies) {

        static MyApplicationsView of(MyApplications mine) {
            return new MyApplicationsView(mine.items().stream().map(i -> new MyApplicationView(
                    i.filing().serviceCode(), i.serviceName(), i.filing().agency(), i.filing().applicationId(),
                    i.filing().referenceNumber(), i.filing().filedAt(), i.available(),
                    i.status() == null ? null : i.status().status(), i.status() == null ? null : i.status().finished(),
                    i.status() == null ? null : i.status().since())).toList(), mine.unavailableAgencies());
        }
    }
}
