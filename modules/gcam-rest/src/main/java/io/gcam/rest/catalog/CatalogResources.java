package io.gcam.rest.catalog;

import io.gcam.catalog.CatalogQuery;
import io.gcam.catalog.CatalogService;
import io.gcam.catalog.Channel;
import io.gcam.catalog.MonthlyFigures;
import io.gcam.catalog.ServiceDefinition;
import io.gcam.catalog.ServicePerformance;
import io.gcam.catalog.SingleWindow;
import io.gcam.core.Actor;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.ValidationException;
import io.gcam.rest.Idempotent;
import io.gcam.rest.IdempotentRequest;
import io.gcam.rest.RequestActor;
import io.gcam.rest.catalog.CatalogDtos.ApplyRequest;
import io.gcam.rest.catalog.CatalogDtos.MyApplicationsView;
import io.gcam.rest.catalog.CatalogDtos.PublishRequest;
import io.gcam.rest.catalog.CatalogDtos.ReceiptView;
import io.gcam.rest.catalog.CatalogDtos.ServiceView;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The gcam-catalog REST API. Register {@link #resources()} with the Jakarta REST application, next
 * to {@code GcamRestFeature}:
 *
 * <pre>{@code
 * resourceConfig.registerInstances(CatalogResources.create(catalog, singleWindow).resources());
 * }</pre>
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>Method and path</th><th>Who</th><th>What</th></tr>
 *   <tr><td>{@code GET /api/v1/catalog/services?q=&agency=&category=&channel=&lifeEvent=&page=&size=}</td>
 *       <td>anyone, no login</td><td>search the public catalogue, best match first</td></tr>
 *   <tr><td>{@code GET /api/v1/catalog/services/{code}}</td><td>anyone, no login</td><td>the public version</td></tr>
 *   <tr><td>{@code POST /api/v1/catalog/services}</td><td>{@code CATALOG_EDITOR} of the agency</td><td>create
 *       (a draft, version 1; honours {@code Idempotency-Key}); 201</td></tr>
 *   <tr><td>{@code PUT /api/v1/catalog/services/{code}}</td><td>editor</td><td>change: edits the draft or
 *       makes a new draft version</td></tr>
 *   <tr><td>{@code GET /api/v1/catalog/services/{code}/versions}</td><td>editor</td><td>every version</td></tr>
 *   <tr><td>{@code POST /api/v1/catalog/services/{code}/versions/{version}/publish}</td><td>editor</td>
 *       <td>publish a draft, optional {@code effectiveFrom}</td></tr>
 *   <tr><td>{@code POST /api/v1/catalog/services/{code}/retire}</td><td>editor</td><td>withdraw from the
 *       public catalogue</td></tr>
 *   <tr><td>{@code POST /api/v1/catalog/services/{code}/applications}</td><td>applicant</td><td>apply through
 *       the single window (honours {@code Idempotency-Key}); 201 with the reference number</td></tr>
 *   <tr><td>{@code GET /api/v1/me/applications}</td><td>applicant</td><td>own applications across all
 *       agencies, with items of unavailable agencies marked</td></tr>
 *   <tr><td>{@code GET /api/v1/catalog/services/{code}/performance?from=2026-01&to=2026-06}</td><td>staff of
 *       the owning agency</td><td>monthly figures: received, completed, median working days, SLA
 *       compliance (when created with a {@link ServicePerformance})</td></tr>
 * </table>
 */
public final class CatalogResources {

    private final CatalogService catalog;
    private final @Nullable SingleWindow window;
    private final @Nullable ServicePerformance performance;

    private CatalogResources(CatalogService catalog, @Nullable SingleWindow window,
            @Nullable ServicePerformance performance) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.window = window;
        this.performance = performance;
    }

    /**
     * @param catalog the catalogue
     * @param window the single window, or {@code null} to leave out applying and "my applications"
     * @return the resources
     */
    public static CatalogResources create(CatalogService catalog, @Nullable SingleWindow window) {
        return new CatalogResources(catalog, window, null);
    }

    /**
     * @param catalog the catalogue
     * @param window the single window, or {@code null} to leave out applying and "my applications"
     * @param performance the performance figures, or {@code null} to leave out
     *     {@code GET /api/v1/catalog/services/{code}/performance}
     * @return the resources
     */
    public static CatalogResources create(CatalogService catalog, @Nullable SingleWindow window,
            @Nullable ServicePerformance performance) {
        return new CatalogResources(catalog, window, performance);
    }

    /** @return the resource instances to register */
    public Set<Object> resources() {
        Set<Object> resources = new HashSet<>();
        resources.add(new Services(catalog, window, performance));
        if (window != null) {
            resources.add(new MyApplications(window));
        }
        return resources;
    }

    private static final LocalizedText SERVICE_KIND = LocalizedText.of("service", "服務", "serviço");

    /** {@code /api/v1/catalog/services}. */
    @Path("/api/v1/catalog/services")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Services {

        private final CatalogService catalog;
        private final @Nullable SingleWindow window;
        private final @Nullable ServicePerformance performance;

        private Services(CatalogService catalog, @Nullable SingleWindow window, @Nullable ServicePerformance performance) {
            this.catalog = catalog;
            this.window = window;
            this.performance = performance;
        }

        /**
         * Searches the public catalogue. Needs no login.
         *
         * @param q words in English, Chinese or Portuguese
         * @param agency agency filter
         * @param category category filter
         * @param channel channel filter ({@code ONLINE}, {@code KIOSK}, {@code COUNTER}, {@code MOBILE}, {@code PHONE})
         * @param lifeEvent life-event filter
         * @param page zero-based page
         * @param size page size
         * @return the page of services
         */
        @GET
        public Page<ServiceView> search(@QueryParam("q") @Nullable String q, @QueryParam("agency") @Nullable String agency,
                @QueryParam("category") @Nullable String category, @QueryParam("channel") @Nullable String channel,
                @QueryParam("lifeEvent") @Nullable String lifeEvent, @QueryParam("page") @DefaultValue("0") int page,
                @QueryParam("size") @DefaultValue("20") int size) {
            CatalogQuery query = CatalogQuery.builder().text(q).agency(agency).category(category)
                    .channel(channel(channel)).lifeEvent(lifeEvent).build();
            return catalog.search(query, PageRequest.of(page, size)).map(ServiceView::of);
        }

        /**
         * @param code the service code
         * @return the public version; 404 when the service is not public
         */
        @GET
        @Path("{code}")
        public ServiceView get(@PathParam("code") String code) {
            return catalog.find(code).map(ServiceView::of).orElseThrow(() -> new NotFoundException(SERVICE_KIND, code));
        }

        /**
         * Monthly performance figures of a service, for staff of its agency.
         *
         * @param code the service code
         * @param from the first month, {@code yyyy-MM}
         * @param to the last month, {@code yyyy-MM}, inclusive; at most
         *     {@value ServicePerformance#MAX_MONTHS} months after {@code from}
         * @param security the caller
         * @return one entry per month, oldest first; 404 when figures are not served here, 403 for
         *     anyone but staff of the owning agency, 400 for a bad or too long range
         */
        @GET
        @Path("{code}/performance")
        public List<MonthlyFigures> performance(@PathParam("code") String code, @QueryParam("from") @Nullable String from,
                @QueryParam("to") @Nullable String to, @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            if (performance == null) {
                throw new NotFoundException(LocalizedText.of("performance figures", "績效數據", "indicadores de desempenho"),
                        code);
            }
            return performance.figures(actor, code, month("from", from), month("to", to));
        }

        /**
         * Creates a service as a draft.
         *
         * @param body the service
         * @param security the caller
         * @param idempotency the Idempotency-Key handling
         * @return 201 with the draft
         */
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent
        public Response create(@Nullable ServiceDefinition body, @Context SecurityContext security,
                @BeanParam IdempotentRequest idempotency) {
            Actor actor = RequestActor.from(security);
            ServiceDefinition definition = required(body);
            return idempotency.run(definition, () -> {
                // Created first: the code is validated before it becomes part of the Location.
                ServiceView created = ServiceView.of(catalog.create(actor, definition));
                return Response.created(URI.create("/api/v1/catalog/services/" + created.code())).entity(created).build();
            });
        }

        /**
         * Changes a service: edits its draft or starts a new draft version.
         *
         * @param code the service code (must equal the body's)
         * @param body the new content
         * @param security the caller
         * @return the draft
         */
        @PUT
        @Path("{code}")
        @Consumes(MediaType.APPLICATION_JSON)
        public ServiceView update(@PathParam("code") String code, @Nullable ServiceDefinition body,
                @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            ServiceDefinition definition = required(body);
            if (!definition.code().equals(code)) {
                throw ValidationException.of("code", LocalizedText.of("must equal the code in the address",
                        "必須與網址中的編號相同", "deve ser igual ao código no endereço"));
            }
            return ServiceView.of(catalog.update(actor, definition));
        }

        /**
         * @param code the service code
         * @param security the caller (an editor of the agency)
         * @return every version, oldest first
         */
        @GET
        @Path("{code}/versions")
        public List<ServiceView> versions(@PathParam("code") String code, @Context SecurityContext security) {
            return catalog.versions(RequestActor.from(security), code).stream().map(ServiceView::of).toList();
        }

        /**
         * @param code the service code
         * @param version the draft version
         * @param body the effective date; may be empty
         * @param security the caller (an editor of the agency)
         * @return the published version
         */
        @POST
        @Path("{code}/versions/{version}/publish")
        @Consumes(MediaType.APPLICATION_JSON)
        public ServiceView publish(@PathParam("code") String code, @PathParam("version") int version,
                @Nullable PublishRequest body, @Context SecurityContext security) {
            return ServiceView.of(catalog.publish(RequestActor.from(security), code, version,
                    body == null ? null : body.effectiveFrom()));
        }

        /**
         * @param code the service code
         * @param security the caller (an editor of the agency)
         * @return the retired versions
         */
        @POST
        @Path("{code}/retire")
        public List<ServiceView> retire(@PathParam("code") String code, @Context SecurityContext security) {
            return catalog.retire(RequestActor.from(security), code).stream().map(ServiceView::of).toList();
        }

        /**
         * Applies for the service through the single window.
         *
         * @param code the service code
         * @param body the form; may be empty
         * @param security the caller (an applicant)
         * @param idempotency the Idempotency-Key handling
         * @return 201 with the reference number (and the access code, shown once)
         */
        @POST
        @Path("{code}/applications")
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent
        public Response apply(@PathParam("code") String code, @Nullable ApplyRequest body,
                @Context SecurityContext security, @BeanParam IdempotentRequest idempotency) {
            Actor actor = RequestActor.from(security);
            if (window == null) {
                throw new NotFoundException(SERVICE_KIND, code);
            }
            String form = body == null || body.formData() == null ? "{}" : body.formData().toString();
            ApplyRequest request = body == null ? new ApplyRequest(null) : body;
            return idempotency.run(request, () -> Response.status(Response.Status.CREATED)
                    .entity(ReceiptView.of(window.apply(actor, code, form))).build());
        }
    }

    /** {@code /api/v1/me/applications}. */
    @Path("/api/v1/me/applications")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class MyApplications {

        private final SingleWindow window;

        private MyApplications(SingleWindow window) {
            this.window = window;
        }

        /**
         * @param security the caller (an applicant)
         * @return their applications across all agencies; items of agencies that did not answer in time
         *     are marked {@code available: false}
         */
        @GET
        public MyApplicationsView mine(@Context SecurityContext security) {
            return MyApplicationsView.of(window.myApplications(RequestActor.from(security)));
        }
    }

    private static ServiceDefinition required(@Nullable ServiceDefinition body) {
        if (body == null) {
            throw ValidationException.of("", LocalizedText.of("Send the service as JSON.", "請以 JSON 提交服務資料。",
                    "Envie o serviço em JSON."));
        }
        return body;
    }

    private static YearMonth month(String field, @Nullable String value) {
        try {
            if (value != null) {
                return YearMonth.parse(value.strip());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ValidationException.of(field, LocalizedText.of("must be a month such as 2026-01",
                "必須是月份，例如 2026-01", "deve ser um mês, por exemplo 2026-01"));
    }

    private static @Nullable Channel channel(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Channel.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("channel", LocalizedText.of("must be ONLINE, KIOSK, COUNTER, MOBILE or PHONE",
                    "必須是 ONLINE、KIOSK、COUNTER、MOBILE 或 PHONE", "deve ser ONLINE, KIOSK, COUNTER, MOBILE ou PHONE"));
        }
    }
}
