package io.gcam.rest.registration;

import io.gcam.core.Actor;
import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.ValidationException;
import io.gcam.registration.ActivityId;
import io.gcam.registration.Registration;
import io.gcam.registration.RegistrationCounts;
import io.gcam.registration.RegistrationId;
import io.gcam.registration.RegistrationQuery;
import io.gcam.registration.RegistrationService;
import io.gcam.registration.RegistrationStatus;
import io.gcam.registration.SessionId;
import io.gcam.rest.Idempotent;
import io.gcam.rest.IdempotentRequest;
import io.gcam.rest.RequestActor;
import io.gcam.rest.registration.internal.RegistrationDtoMapper;
import io.gcam.rest.registration.RegistrationDtos.ActivityDto;
import io.gcam.rest.registration.RegistrationDtos.AdmissionSlipDto;
import io.gcam.rest.registration.RegistrationDtos.CountsDto;
import io.gcam.rest.registration.RegistrationDtos.NewActivity;
import io.gcam.rest.registration.RegistrationDtos.NewRegistration;
import io.gcam.rest.registration.RegistrationDtos.RegistrationDto;
import io.gcam.rest.registration.RegistrationDtos.SessionChange;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The registration API. Register the resources of {@link #create(RegistrationService)} with the
 * Jakarta REST application, next to {@link io.gcam.rest.GcamRestFeature}:
 *
 * <pre>{@code
 * ResourceConfig app = new ResourceConfig()
 *         .register(GcamRestFeature.builder().actorResolver(resolver).idempotentExecutor(executor).build())
 *         .registerInstances(RegistrationResources.create(registrationService));
 * }</pre>
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>method and path</th><th>who</th><th>answer</th></tr>
 *   <tr><td>{@code GET /api/v1/activities}</td><td>anyone signed in</td><td>page of activities</td></tr>
 *   <tr><td>{@code GET /api/v1/activities/{id}}</td><td>anyone signed in</td><td>activity</td></tr>
 *   <tr><td>{@code POST /api/v1/activities}</td><td>ADMIN of the agency</td><td>201 draft activity</td></tr>
 *   <tr><td>{@code POST /api/v1/activities/{id}/open}, {@code .../close}</td><td>ADMIN of the agency</td>
 *       <td>activity, or 409 problem {@code ACTIVITY_STATUS_INVALID}</td></tr>
 *   <tr><td>{@code POST /api/v1/activities/{id}/cancel?reason=}</td><td>ADMIN of
 *       the agency</td><td>the cancelled activity; every active registration of it is cancelled with it
 *       (one {@code registration.cancelled} event each); 409 {@code ACTIVITY_STATUS_INVALID} when it
 *       already is</td></tr>
 *   <tr><td>{@code POST /api/v1/activities/{id}/registrations}</td><td>applicant</td>
 *       <td>201 {@code {id, status, candidateNumber?, waitlistPosition?}}, or 409/422 problem
 *       ({@code REGISTRATION_FULL}, {@code ALREADY_REGISTERED}, {@code REGISTRATION_CLOSED},
 *       {@code NOT_ELIGIBLE}); honours {@code Idempotency-Key}</td></tr>
 *   <tr><td>{@code GET /api/v1/activities/{id}/registrations}</td><td>staff</td><td>page, filters
 *       {@code session}, {@code status}, {@code applicant}</td></tr>
 *   <tr><td>{@code GET /api/v1/activities/{id}/registrations.csv}</td><td>staff</td><td>CSV (UTF-8 with BOM)</td></tr>
 *   <tr><td>{@code GET /api/v1/activities/{id}/counts}</td><td>staff</td><td>counts by status</td></tr>
 *   <tr><td>{@code GET /api/v1/me/registrations}</td><td>applicant</td><td>own registrations</td></tr>
 *   <tr><td>{@code GET /api/v1/registrations/{id}}</td><td>owner or staff</td><td>registration</td></tr>
 *   <tr><td>{@code GET /api/v1/registrations/{id}/slip}</td><td>owner or staff</td><td>admission slip</td></tr>
 *   <tr><td>{@code DELETE /api/v1/registrations/{id}?reason=}</td><td>owner
 *       (before the deadline) or staff of the agency</td><td>the cancelled registration; its seat goes to
 *       the first waitlisted registration of the session; 422 {@code CANCELLATION_DEADLINE_PASSED},
 *       409 {@code REGISTRATION_NOT_ACTIVE}</td></tr>
 *   <tr><td>{@code POST /api/v1/registrations/{id}/session-change} {@code {sessionId}}</td><td>owner
 *       (while registration is open) or staff of the agency</td><td>the registration, confirmed in the
 *       new session; its old seat goes to the first waitlisted registration there; 409
 *       {@code REGISTRATION_FULL}, {@code REGISTRATION_NOT_ACTIVE}, {@code ALREADY_REGISTERED}, 422
 *       {@code REGISTRATION_CLOSED}, 400 {@code VALIDATION_FAILED} for the same session or one of
 *       another activity; honours {@code Idempotency-Key}</td></tr>
 * </table>
 *
 * <p>A cancellation's optional {@code reason} (at most 500 characters) goes to the audit trail and
 * into the {@code registration.cancelled} events, from which notifications tell the applicants; like
 * every URL it may appear in access logs, so it must not hold personal data.
 *
 * <p>Refusals are {@code application/problem+json} in the caller's language; staff of another agency
 * and applicants get 403 for staff operations, and 404 for other applicants' registrations.
 */
public final class RegistrationResources {

    private static final RegistrationDtoMapper MAPPER = RegistrationDtoMapper.INSTANCE;

    private RegistrationResources() {
    }

    /**
     * @param service the registration service
     * @return the resource instances to register
     */
    public static Set<Object> create(RegistrationService service) {
        Objects.requireNonNull(service, "service");
        return Set.of(new Activities(service), new MyRegistrations(service), new Registrations(service));
    }

    /** {@code /api/v1/activities}. */
    @Path("/api/v1/activities")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Activities {
        private final RegistrationService service;

        Activities(RegistrationService service) {
            this.service = service;
        }

        /**
         * @param page zero-based page
         * @param size page size
         * @param security the request's security context
         * @return the activities the caller may see, newest first
         */
        @GET
        public Page<ActivityDto> list(@QueryParam("page") @DefaultValue("0") int page,
                @QueryParam("size") @DefaultValue("20") int size, @Context SecurityContext security) {
            return service.activities(RequestActor.from(security), PageRequest.of(page, size)).map(MAPPER::toDto);
        }

        /**
         * @param id the activity id
         * @param security the request's security context
         * @return the activity
         */
        @GET
        @Path("{id}")
        public ActivityDto get(@PathParam("id") String id, @Context SecurityContext security) {
            return MAPPER.toDto(service.activity(RequestActor.from(security), new ActivityId(id)));
        }

        /**
         * @param body the new activity
         * @param security the request's security context
         * @param idempotency the request's idempotency key, if any
         * @return 201 with the draft activity
         */
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent
        public Response create(NewActivity body, @Context SecurityContext security,
                @BeanParam IdempotentRequest idempotency) {
            Actor actor = RequestActor.from(security);
            return idempotency.run(body, () -> {
                ActivityDto created = MAPPER.toDto(service.createActivity(actor, body.toDefinition()));
                return Response.created(URI.create("/api/v1/activities/" + created.id())).entity(created).build();
            });
        }

        /**
         * @param id the activity
         * @param security the request's security context
         * @return the opened activity
         */
        @POST
        @Path("{id}/open")
        public ActivityDto open(@PathParam("id") String id, @Context SecurityContext security) {
            return MAPPER.toDto(service.open(RequestActor.from(security), new ActivityId(id)));
        }

        /**
         * @param id the activity
         * @param security the request's security context
         * @return the closed activity
         */
        @POST
        @Path("{id}/close")
        public ActivityDto close(@PathParam("id") String id, @Context SecurityContext security) {
            return MAPPER.toDto(service.close(RequestActor.from(security), new ActivityId(id)));
        }

        /**
         * Calls the activity off and cancels every active registration of it.
         *
         * @param id the activity
         * @param reason why, for the applicants (goes into every cancellation event), or absent
         * @param security the request's security context
         * @return the cancelled activity
         */
        @POST
        @Path("{id}/cancel")
        public ActivityDto cancel(@PathParam("id") String id, @QueryParam("reason") @Nullable String reason,
                @Context SecurityContext security) {
            return MAPPER.toDto(service.cancelActivity(RequestActor.from(security), new ActivityId(id), reason));
        }

        /**
         * @param id the activity
         * @param body the chosen session
         * @param security the request's security context
         * @param idempotency the request's idempotency key, if any
         * @return 201 with the registration
         */
        @POST
        @Path("{id}/registrations")
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent
        public Response register(@PathParam("id") String id, NewRegistration body, @Context SecurityContext security,
                @BeanParam IdempotentRequest idempotency) {
            Actor actor = RequestActor.from(security);
            ActivityId activityId = new ActivityId(id);
            SessionId sessionId = new SessionId(body.sessionId());
            return idempotency.run(body, () -> {
                if (service.activity(actor, activityId).session(sessionId).isEmpty()) {
                    throw new io.gcam.core.NotFoundException("session", sessionId);
                }
                Registration r = service.register(actor, sessionId);
                return Response.created(URI.create("/api/v1/registrations/" + r.id().value()))
                        .entity(MAPPER.toDto(r)).build();
            });
        }

        /**
         * @param id the activity
         * @param session only this session
         * @param status only this status
         * @param applicant only this applicant
         * @param page zero-based page
         * @param size page size
         * @param security the request's security context
         * @return the registrations, in registration order
         */
        @GET
        @Path("{id}/registrations")
        public Page<RegistrationDto> registrations(@PathParam("id") String id, @QueryParam("session") @Nullable String session,
                @QueryParam("status") @Nullable RegistrationStatus status,
                @QueryParam("applicant") @Nullable String applicant,
                @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size,
                @Context SecurityContext security) {
            return service.registrations(RequestActor.from(security), query(id, session, status, applicant),
                    PageRequest.of(page, size)).map(MAPPER::toStaffDto);
        }

        /**
         * @param id the activity
         * @param session only this session
         * @param status only this status
         * @param security the request's security context
         * @param headers the request headers (Accept-Language picks the header language)
         * @return the CSV, UTF-8 with a byte order mark
         */
        @GET
        @Path("{id}/registrations.csv")
        @Produces("text/csv")
        public Response csv(@PathParam("id") String id, @QueryParam("session") @Nullable String session,
                @QueryParam("status") @Nullable RegistrationStatus status, @Context SecurityContext security,
                @Context HttpHeaders headers) {
            Actor actor = RequestActor.from(security);
            RegistrationQuery query = query(id, session, status, null);
            service.counts(actor, query.activityId(), null); // checks access before the response starts
            Locale locale = language(headers);
            StreamingOutput body = out -> service.exportCsv(actor, query, out, locale);
            return Response.ok(body, "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"registrations-" + id + ".csv\"")
                    .build();
        }

        /**
         * @param id the activity
         * @param session only this session
         * @param security the request's security context
         * @return the counts by status
         */
        @GET
        @Path("{id}/counts")
        public CountsDto counts(@PathParam("id") String id, @QueryParam("session") @Nullable String session,
                @Context SecurityContext security) {
            RegistrationCounts c = service.counts(RequestActor.from(security), new ActivityId(id),
                    session == null ? null : new SessionId(session));
            return MAPPER.toDto(c);
        }

        private static RegistrationQuery query(String id, @Nullable String session, @Nullable RegistrationStatus status,
                @Nullable String applicant) {
            return new RegistrationQuery(new ActivityId(id), session == null ? null : new SessionId(session), status,
                    applicant);
        }

        private static Locale language(HttpHeaders headers) {
            List<Locale> languages = headers.getAcceptableLanguages();
            return languages.isEmpty() || "*".equals(languages.get(0).toString()) ? GcamLocales.ENGLISH
                    : languages.get(0);
        }
    }

    /**
     * {@code /api/v1/me/registrations}. Each resource claims its own path: a root resource on
     * {@code /api/v1} alone would shadow every other resource under {@code /api/v1}.
     */
    @Path("/api/v1/me/registrations")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class MyRegistrations {
        private final RegistrationService service;

        MyRegistrations(RegistrationService service) {
            this.service = service;
        }

        /**
         * @param page zero-based page
         * @param size page size
         * @param security the request's security context
         * @return the caller's registrations, newest first
         */
        @GET
        public Page<RegistrationDto> mine(@QueryParam("page") @DefaultValue("0") int page,
                @QueryParam("size") @DefaultValue("20") int size, @Context SecurityContext security) {
            return service.myRegistrations(RequestActor.from(security), PageRequest.of(page, size))
                    .map(MAPPER::toDto);
        }
    }

    /** {@code /api/v1/registrations/{id}}, its admission slip, its cancellation and its session change. */
    @Path("/api/v1/registrations")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Registrations {
        private final RegistrationService service;

        Registrations(RegistrationService service) {
            this.service = service;
        }

        /**
         * @param id the registration
         * @param security the request's security context
         * @return the registration
         */
        @GET
        @Path("{id}")
        public RegistrationDto get(@PathParam("id") String id, @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            return view(actor, service.registration(actor, new RegistrationId(id)));
        }

        /**
         * @param id the registration
         * @param security the request's security context
         * @return the admission slip
         */
        @GET
        @Path("{id}/slip")
        public AdmissionSlipDto slip(@PathParam("id") String id, @Context SecurityContext security) {
            return MAPPER.toDto(service.admissionSlip(RequestActor.from(security), new RegistrationId(id)));
        }

        /**
         * @param id the registration
         * @param reason why (staff tell the applicant), or absent
         * @param security the request's security context
         * @return the cancelled registration (who was promoted is not shown: that is another applicant)
         */
        @DELETE
        @Path("{id}")
        public RegistrationDto cancel(@PathParam("id") String id, @QueryParam("reason") @Nullable String reason,
                @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            Registration r = service.cancel(actor, new RegistrationId(id), reason).registration();
            return view(actor, r);
        }

        /**
         * Moves the registration to another session of its activity that has a free seat.
         *
         * @param id the registration
         * @param body the new session
         * @param security the request's security context
         * @param idempotency the request's idempotency key, if any
         * @return 200 with the moved registration (who was promoted is not shown: that is another applicant)
         */
        @POST
        @Path("{id}/session-change")
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent
        public Response changeSession(@PathParam("id") String id, @Nullable SessionChange body,
                @Context SecurityContext security, @BeanParam IdempotentRequest idempotency) {
            Actor actor = RequestActor.from(security);
            if (body == null || body.sessionId() == null || body.sessionId().isBlank()) {
                throw ValidationException.of("sessionId", LocalizedText.of("is required", "必須填寫", "é obrigatório"));
            }
            SessionId target = new SessionId(body.sessionId());
            return idempotency.run(body, () -> Response.ok(view(actor,
                    service.changeSession(actor, new RegistrationId(id), target).registration())).build());
        }

        private static RegistrationDto view(Actor actor, Registration r) {
            return actor.isApplicant() ? MAPPER.toDto(r) : MAPPER.toStaffDto(r);
        }
    }
}
