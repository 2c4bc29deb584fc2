package io.gcam.rest.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.gcam.catalog.spi.FiledApplication;
import io.gcam.catalog.spi.FilingRequest;
import io.gcam.catalog.spi.RemoteStatus;
import io.gcam.catalog.spi.ServiceConnector;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.LocalizedText;
import io.gcam.core.ValidationException;
import io.gcam.rest.Idempotent;
import io.gcam.rest.IdempotentRequest;
import io.gcam.rest.RequestActor;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The agency side of {@code HttpServiceConnector}'s protocol: lets a single window elsewhere file
 * applications with this application's backend (for example its GCAM workflow, through
 * {@code WorkflowServiceConnector}) and read their public status.
 *
 * <pre>{@code
 * resourceConfig.registerInstances(AgencyBackendResources.create(
 *         new WorkflowServiceConnector(workflow, Map.of("DSAL-JOBSEEK", "job-seeker"))).resources());
 * // the platform then uses HttpServiceConnector.builder("DSAL", URI.create("https://dsal.example/api/v1/single-window/"))
 * }</pre>
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>Method and path</th><th>Who</th><th>What</th></tr>
 *   <tr><td>{@code POST /api/v1/single-window/applications}</td><td>the platform</td><td>file an
 *       application (the {@code Idempotency-Key} header is required, so retries file once); 201</td></tr>
 *   <tr><td>{@code POST /api/v1/single-window/applications/statuses}</td><td>the platform</td><td>public
 *       statuses of one applicant's applications</td></tr>
 * </table>
 *
 * <p>Only callers the {@code platform} predicate accepts may call (by default a {@code SYSTEM}
 * actor: map the platform's credentials, e.g. its client certificate or token, to one in your
 * {@code ActorResolver}); others get 403, anonymous callers 401.
 */
public final class AgencyBackendResources {

    private final ServiceConnector backend;
    private final Predicate<Actor> platform;

    private AgencyBackendResources(ServiceConnector backend, Predicate<Actor> platform) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    /**
     * @param backend what files and reads applications here, e.g. a {@code WorkflowServiceConnector}
     * @return resources that accept a {@code SYSTEM} actor as the platform
     */
    public static AgencyBackendResources create(ServiceConnector backend) {
        return create(backend, Actor::isSystem);
    }

    /**
     * @param backend what files and reads applications here
     * @param platform which callers are the single-window platform
     * @return the resources
     */
    public static AgencyBackendResources create(ServiceConnector backend, Predicate<Actor> platform) {
        return new AgencyBackendResources(backend, platform);
    }

    /** @return the resource instances to register */
    public Set<Object> resources() {
        return Set.of(new Applications(backend, platform));
    }

    /**
     * A filing from the platform.
     *
     * @param serviceCode the catalogue service
     * @param agency this agency's code
     * @param applicantId the citizen's subject id
     * @param formData the form, a JSON object
     */
    public record FilingBody(@Nullable String serviceCode, @Nullable String agency, @Nullable String applicantId,
            @Nullable JsonNode formData) {
    }

    /**
     * The answer to a filing.
     *
     * @param applicationId the application's id here
     * @param referenceNumber its reference number
     * @param accessCode the code for status inquiries without login, or {@code null}
     */
    public record FiledBody(String applicationId, String referenceNumber, @Nullable String accessCode) {
    }

    /**
     * A status request.
     *
     * @param applicantId the citizen's subject id
     * @param applicationIds the applications
     */
    public record StatusQuery(@Nullable String applicantId, @Nullable List<String> applicationIds) {
    }

    /**
     * One status.
     *
     * @param applicationId the application
     * @param status its public label
     * @param finished whether it is finished
     * @param since when it entered that state, or {@code null}
     */
    public record StatusItem(String applicationId, LocalizedText status, boolean finished, @Nullable Instant since) {
    }

    /**
     * The statuses found.
     *
     * @param items one per known application of the applicant
     */
    public record StatusAnswer(List<StatusItem> items) {
    }

    /** {@code /api/v1/single-window/applications}. */
    @Path("/api/v1/single-window/applications")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static final class Applications {

        private final ServiceConnector backend;
        private final Predicate<Actor> platform;

        private Applications(ServiceConnector backend, Predicate<Actor> platform) {
            this.backend = backend;
            this.platform = platform;
        }

        /**
         * Files an application here for the platform.
         *
         * @param body the filing
         * @param key the platform's filing id
         * @param security the caller
         * @param idempotency the Idempotency-Key handling
         * @return 201 with the application's identifiers
         */
        @POST
        @Idempotent
        public Response file(@Nullable FilingBody body, @HeaderParam("Idempotency-Key") @Nullable String key,
                @Context SecurityContext security, @BeanParam IdempotentRequest idempotency) {
            requirePlatform(security);
            if (key == null || key.isBlank()) {
                throw ValidationException.of("Idempotency-Key", LocalizedText.of("is required", "為必填",
                        "é obrigatório"));
            }
            if (body == null || body.serviceCode() == null || body.agency() == null || body.applicantId() == null
                    || body.formData() == null || !body.formData().isObject()) {
                throw ValidationException.of("", LocalizedText.of(
                        "Send serviceCode, agency, applicantId and formData (a JSON object).",
                        "請提供 serviceCode、agency、applicantId 及 formData（JSON 物件）。",
                        "Envie serviceCode, agency, applicantId e formData (um objeto JSON)."));
            }
            return idempotency.run(body, () -> {
                FiledApplication filed = backend.file(new FilingRequest(key, body.serviceCode(), body.agency(),
                        body.applicantId(), body.formData().toString()));
                return Response.status(Response.Status.CREATED)
                        .entity(new FiledBody(filed.applicationId(), filed.referenceNumber(), filed.accessCode()))
                        .build();
            });
        }

        /**
         * @param body the applicant and applications
         * @param security the caller
         * @return the statuses of the applicant's applications among them
         */
        @POST
        @Path("statuses")
        public StatusAnswer statuses(@Nullable StatusQuery body, @Context SecurityContext security) {
            requirePlatform(security);
            if (body == null || body.applicantId() == null || body.applicationIds() == null
                    || body.applicationIds().size() > 200) {
                throw ValidationException.of("", LocalizedText.of("Send applicantId and at most 200 applicationIds.",
                        "請提供 applicantId 及最多 200 個 applicationIds。",
                        "Envie applicantId e no máximo 200 applicationIds."));
            }
            List<RemoteStatus> statuses = backend.statuses(body.applicantId(), body.applicationIds());
            return new StatusAnswer(statuses.stream()
                    .map(s -> new StatusItem(s.applicationId(), s.status(), s.finished(), s.since())).toList());
        }

        private void requirePlatform(SecurityContext security) {
            if (!platform.test(RequestActor.from(security))) {
                throw new AccessDeniedException("use the single-window backend");
            }
        }
    }
}
