package io.gcam.rest.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.Actor;
import io.gcam.core.AuditVerification;
import io.gcam.core.LocalizedText;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.ValidationException;
import io.gcam.records.CheckOut;
import io.gcam.records.Custodian;
import io.gcam.records.CustodyEvent;
import io.gcam.records.ManagedRecord;
import io.gcam.records.RecordId;
import io.gcam.records.RecordKind;
import io.gcam.records.RecordQuery;
import io.gcam.records.RecordStatus;
import io.gcam.records.RecordsService;
import io.gcam.records.Transfer;
import io.gcam.records.TransferId;
import io.gcam.rest.Idempotent;
import io.gcam.rest.IdempotentRequest;
import io.gcam.rest.RequestActor;
import io.gcam.rest.records.RecordDtos.CustodyEventView;
import io.gcam.rest.records.RecordDtos.CustodyPage;
import io.gcam.rest.records.RecordDtos.RecordPage;
import io.gcam.rest.records.RecordDtos.RecordView;
import io.gcam.rest.records.RecordDtos.TransferRequest;
import io.gcam.rest.records.RecordDtos.TransferView;
import io.gcam.rest.records.RecordDtos.VerificationView;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The gcam-records REST API. Register {@link #resources()} with the Jakarta REST application, next
 * to {@code GcamRestFeature}:
 *
 * <pre>{@code
 * resourceConfig.registerInstances(RecordResources.create(records).resources());
 * }</pre>
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>Method and path</th><th>Who</th><th>What</th></tr>
 *   <tr><td>{@code GET /api/v1/records?classification&keyword&status&kind&caseReference&createdFrom&createdBefore&page&size}</td>
 *       <td>staff</td><td>search; never returns or counts records above the caller's clearance</td></tr>
 *   <tr><td>{@code GET /api/v1/records/{id}}</td><td>cleared staff of the owner or custodian</td>
 *       <td>the record (written to its chain of custody); 404 when hidden or missing alike</td></tr>
 *   <tr><td>{@code GET /api/v1/records/{id}/custody?after&limit}</td><td>as above</td><td>the chain of custody</td></tr>
 *   <tr><td>{@code GET /api/v1/records/{id}/custody/verification}</td><td>as above</td><td>whether the chain is intact</td></tr>
 *   <tr><td>{@code POST /api/v1/records/{id}/transfers}</td><td>staff of the custodian</td><td>send a transfer
 *       (honours {@code Idempotency-Key}); 201</td></tr>
 *   <tr><td>{@code GET /api/v1/transfers}</td><td>staff</td><td>transfers waiting for the caller's agency</td></tr>
 *   <tr><td>{@code POST /api/v1/transfers/{id}/acknowledge}</td><td>cleared staff of the receiver</td>
 *       <td>acknowledge; 409 {@code TRANSFER_NOT_PENDING} the second time</td></tr>
 * </table>
 */
public final class RecordResources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordsService records;

    private RecordResources(RecordsService records) {
        this.records = Objects.requireNonNull(records, "records");
    }

    /**
     * @param records the records service
     * @return the resources
     */
    public static RecordResources create(RecordsService records) {
        return new RecordResources(records);
    }

    /** @return the resource instances to register */
    public Set<Object> resources() {
        return Set.of(new Records(records), new Transfers(records));
    }

    /**
     * @param r a record
     * @return its JSON view
     */
    public static RecordView view(ManagedRecord r) {
        CheckOut lock = r.checkOut();
        return new RecordView(r.id().value(), r.reference(), r.kind().name(),
                r.dossierId() == null ? null : r.dossierId().value(), r.title(), r.classificationCode(),
                r.securityLevel().name(), r.owner().agency(), r.owner().department(), r.custodian().agency(),
                r.custodian().department(), r.caseReference(), r.keywords(), r.status().name(), r.createdAt(),
                r.closedAt(), r.location(), r.barcode(), lock == null ? null : lock.subjectId(),
                lock == null ? null : lock.at(), r.pendingTransfer() == null ? null : r.pendingTransfer().value(),
                r.onLegalHold(), r.latestVersion());
    }

    /**
     * @param t a transfer
     * @return its JSON view
     */
    public static TransferView view(Transfer t) {
        return new TransferView(t.id().value(), t.recordId().value(), t.from().agency(), t.from().department(),
                t.to().agency(), t.to().department(), t.note(), t.sentBy(), t.sentAt(), t.status().name(),
                t.acknowledgedBy(), t.acknowledgedAt());
    }

    /**
     * @param e a custody event
     * @return its JSON view
     */
    public static CustodyEventView view(CustodyEvent e) {
        JsonNode details;
        try {
            details = JSON.readTree(e.details());
        } catch (JsonProcessingException ex) {
            details = JSON.createObjectNode();
        }
        return new CustodyEventView(e.index(), e.action().actionName(), e.actor().subjectId(), e.actor().kind().name(),
                e.actor().agency(), e.at(), details, e.previousHash(), e.hash());
    }

    /**
     * @param v a verification
     * @return its JSON view
     */
    public static VerificationView view(AuditVerification v) {
        AuditVerification.Failure failure = v.failure();
        return new VerificationView(v.ok(), v.entriesChecked(), v.head().index(), v.head().hash(),
                failure == null ? null : failure.index(), failure == null ? null : failure.reason().name());
    }

    /** {@code /api/v1/records}. */
    @Path("/api/v1/records")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Records {

        private final RecordsService records;

        private Records(RecordsService records) {
            this.records = records;
        }

        /**
         * Searches the records of the caller's agency, newest first.
         *
         * @param classification a file plan code (and its subtree)
         * @param keyword a keyword or part of the title
         * @param status {@code OPEN}, {@code CLOSED} or {@code ARCHIVED}
         * @param kind {@code RECORD} or {@code DOSSIER}
         * @param caseReference an application or case reference
         * @param createdFrom registered at or after (ISO-8601 instant)
         * @param createdBefore registered before (ISO-8601 instant)
         * @param page page number from 0
         * @param size page size
         * @param security the caller
         * @return one page of records the caller may see
         */
        @GET
        public RecordPage search(@QueryParam("classification") @Nullable String classification,
                @QueryParam("keyword") @Nullable String keyword, @QueryParam("status") @Nullable String status,
                @QueryParam("kind") @Nullable String kind, @QueryParam("caseReference") @Nullable String caseReference,
                @QueryParam("createdFrom") @Nullable String createdFrom,
                @QueryParam("createdBefore") @Nullable String createdBefore,
                @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size,
                @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            RecordQuery query = RecordQuery.builder()
                    .classification(classification)
                    .keyword(keyword)
                    .status(status == null || status.isBlank() ? null : parse(RecordStatus.class, "status", status))
                    .kind(kind == null || kind.isBlank() ? null : parse(RecordKind.class, "kind", kind))
                    .caseReference(caseReference)
                    .created(instant("createdFrom", createdFrom), instant("createdBefore", createdBefore))
                    .build();
            Page<ManagedRecord> result = records.search(actor, query, PageRequest.of(page, size));
            return new RecordPage(result.items().stream().map(RecordResources::view).toList(), result.page(),
                    result.size(), result.total());
        }

        /**
         * @param id the record id
         * @param security the caller
         * @return the record
         */
        @GET
        @Path("{id}")
        public RecordView get(@PathParam("id") String id, @Context SecurityContext security) {
            return view(records.find(RequestActor.from(security), new RecordId(id)));
        }

        /**
         * @param id the record id
         * @param after the index of the last event already read, 0 for the first page
         * @param limit page size, 1 to 1000
         * @param security the caller
         * @return the events after {@code after}
         */
        @GET
        @Path("{id}/custody")
        public CustodyPage custody(@PathParam("id") String id, @QueryParam("after") @DefaultValue("0") long after,
                @QueryParam("limit") @DefaultValue("100") int limit, @Context SecurityContext security) {
            List<CustodyEvent> events = records.custody(RequestActor.from(security), new RecordId(id), after, limit);
            Long next = events.size() == limit ? events.get(events.size() - 1).index() : null;
            return new CustodyPage(events.stream().map(RecordResources::view).toList(), next);
        }

        /**
         * @param id the record id
         * @param security the caller
         * @return whether the chain of custody is intact, or where it is broken
         */
        @GET
        @Path("{id}/custody/verification")
        public VerificationView verify(@PathParam("id") String id, @Context SecurityContext security) {
            return view(records.verifyCustody(RequestActor.from(security), new RecordId(id)));
        }

        /**
         * Sends the record to another department or agency.
         *
         * @param id the record id
         * @param body receiver and note
         * @param security the caller
         * @param idempotency the Idempotency-Key handling
         * @return 201 with the pending transfer
         */
        @POST
        @Path("{id}/transfers")
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent
        public Response transfer(@PathParam("id") String id, @Nullable TransferRequest body,
                @Context SecurityContext security, @BeanParam IdempotentRequest idempotency) {
            Actor actor = RequestActor.from(security);
            if (body == null || body.toAgency() == null || body.toAgency().isBlank() || body.toDepartment() == null
                    || body.toDepartment().isBlank()) {
                throw ValidationException.of("toAgency", LocalizedText.of(
                        "Give the receiving agency and department.",
                        "請提供接收機構及部門。",
                        "Indique o serviço e a subunidade que recebem."));
            }
            RecordId recordId = new RecordId(id);
            return idempotency.run(body, () -> {
                Transfer t = records.sendTransfer(actor, recordId,
                        new Custodian(body.toAgency().strip(), body.toDepartment().strip()),
                        body.note() == null ? "" : body.note());
                return Response.created(URI.create("/api/v1/transfers/" + t.id())).entity(view(t)).build();
            });
        }
    }

    /** {@code /api/v1/transfers}. */
    @Path("/api/v1/transfers")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Transfers {

        private final RecordsService records;

        private Transfers(RecordsService records) {
            this.records = records;
        }

        /**
         * @param security the caller
         * @return transfers waiting for the caller's agency, oldest first
         */
        @GET
        public List<TransferView> pending(@Context SecurityContext security) {
            return records.pendingTransfers(RequestActor.from(security)).stream().map(RecordResources::view).toList();
        }

        /**
         * @param id the transfer id
         * @param security the caller
         * @return the acknowledged transfer
         */
        @POST
        @Path("{id}/acknowledge")
        public TransferView acknowledge(@PathParam("id") String id, @Context SecurityContext security) {
            return view(records.acknowledge(RequestActor.from(security), new TransferId(id)));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, LocalizedText.of("has an unknown value", "數值無效", "tem um valor desconhecido"));
        }
    }

    private static @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, LocalizedText.of(
                    "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z",
                    "必須是 ISO-8601 時間，例如 2026-01-31T00:00:00Z",
                    "deve ser um instante ISO-8601, por exemplo 2026-01-31T00:00:00Z"));
        }
    }
}
