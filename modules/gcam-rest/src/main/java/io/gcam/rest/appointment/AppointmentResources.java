package io.gcam.rest.appointment;

import io.gcam.appointment.Appointment;
import io.gcam.appointment.AppointmentId;
import io.gcam.appointment.AppointmentService;
import io.gcam.appointment.BookableServiceId;
import io.gcam.appointment.QueueService;
import io.gcam.appointment.Reservation;
import io.gcam.appointment.ServicePoint;
import io.gcam.appointment.ServicePointId;
import io.gcam.appointment.Ticket;
import io.gcam.appointment.TicketId;
import io.gcam.appointment.TicketStatus;
import io.gcam.core.Actor;
import io.gcam.core.GcamLocales;
import io.gcam.core.ValidationException;
import io.gcam.rest.Idempotent;
import io.gcam.rest.IdempotentRequest;
import io.gcam.rest.RequestActor;
import io.gcam.rest.appointment.AppointmentDtos.AppointmentDto;
import io.gcam.rest.appointment.AppointmentDtos.BoardDto;
import io.gcam.rest.appointment.AppointmentDtos.CallNext;
import io.gcam.rest.appointment.AppointmentDtos.CheckIn;
import io.gcam.rest.appointment.AppointmentDtos.NewAppointment;
import io.gcam.rest.appointment.AppointmentDtos.NewTicket;
import io.gcam.rest.appointment.AppointmentDtos.ReservationDto;
import io.gcam.rest.appointment.AppointmentDtos.Reschedule;
import io.gcam.rest.appointment.AppointmentDtos.ServiceDto;
import io.gcam.rest.appointment.AppointmentDtos.SlotDto;
import io.gcam.rest.appointment.AppointmentDtos.TicketDto;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The appointment and queue API. Register the resources of {@link #create} with the Jakarta REST
 * application, next to {@link io.gcam.rest.GcamRestFeature}.
 *
 * <p>Acting on an appointment without login: send its manage code in the {@value #MANAGE_CODE}
 * header (a header, not the URL, so that it stays out of access logs). The kiosk endpoints accept
 * anonymous requests as the kiosk device ({@code Actor.system("kiosk")}, which they grant nothing
 * beyond what the manage code allows): put them behind your kiosk network or device login.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>method and path</th><th>who</th><th>answer</th></tr>
 *   <tr><td>{@code GET /api/v1/appointment-services}</td><td>anyone</td><td>services with their service points</td></tr>
 *   <tr><td>{@code GET /api/v1/appointment-services/{id}/slots?from=&to=}</td><td>anyone</td><td>slots (ISO dates, inclusive)</td></tr>
 *   <tr><td>{@code POST /api/v1/appointments}</td><td>applicant (a hold), or counter staff (a confirmed walk-in)</td>
 *       <td>201 {@code {appointment, manageCode}}; honours {@code Idempotency-Key}</td></tr>
 *   <tr><td>{@code GET /api/v1/appointments/{id}}</td><td>owner, staff or manage code</td><td>appointment</td></tr>
 *   <tr><td>{@code POST /api/v1/appointments/{id}/confirm}</td><td>owner, staff or manage code</td><td>appointment</td></tr>
 *   <tr><td>{@code PATCH /api/v1/appointments/{id}}</td><td>owner, staff or manage code</td><td>moved appointment</td></tr>
 *   <tr><td>{@code DELETE /api/v1/appointments/{id}}</td><td>owner, staff or manage code</td><td>cancelled appointment</td></tr>
 *   <tr><td>{@code GET /api/v1/appointments/{id}.ics}</td><td>owner, staff or manage code</td><td>{@code text/calendar}</td></tr>
 *   <tr><td>{@code POST /api/v1/appointments/{id}/no-show}</td><td>counter staff</td><td>appointment</td></tr>
 *   <tr><td>{@code POST /api/v1/kiosk/check-ins}</td><td>kiosk</td><td>201 booked ticket</td></tr>
 *   <tr><td>{@code POST /api/v1/kiosk/tickets}</td><td>kiosk</td><td>201 walk-in ticket with estimate</td></tr>
 *   <tr><td>{@code GET /api/v1/tickets/{id}}</td><td>anyone holding the id</td><td>ticket with estimate</td></tr>
 *   <tr><td>{@code POST /api/v1/counters/{name}/call-next}</td><td>counter staff</td><td>called ticket, or 204</td></tr>
 *   <tr><td>{@code POST /api/v1/tickets/{id}/skip}, {@code .../recall?counter=}, {@code .../complete}</td>
 *       <td>counter staff</td><td>ticket</td></tr>
 *   <tr><td>{@code GET /api/v1/service-points/{id}/board}</td><td>anyone</td><td>display board</td></tr>
 * </table>
 */
public final class AppointmentResources {

    /** The request header that carries a manage code. */
    public static final String MANAGE_CODE = "Manage-Code";

    static final Actor ANONYMOUS = Actor.applicant("anonymous");
    static final Actor KIOSK = Actor.system("kiosk");

    private AppointmentResources() {
    }

    /**
     * @param appointments the appointment service
     * @param queue the queue service
     * @return the resource instances to register
     */
    public static Set<Object> create(AppointmentService appointments, QueueService queue) {
        Objects.requireNonNull(appointments, "appointments");
        Objects.requireNonNull(queue, "queue");
        return Set.of(new Services(appointments), new Appointments(appointments), new Kiosk(queue),
                new Counters(queue), new Tickets(queue), new ServicePoints(queue));
    }

    private static Actor actorOrAnonymous(SecurityContext security) {
        return RequestActor.find(security).orElse(ANONYMOUS);
    }

    /** The actor for an appointment operation: signed in, or anonymous with a manage code. */
    private static Actor appointmentActor(SecurityContext security, @Nullable String code) {
        return code == null ? RequestActor.from(security) : actorOrAnonymous(security);
    }

    private static LocalDate date(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of(field, io.gcam.core.LocalizedText.of("Enter a date such as 2026-03-02.",
                    "請輸入日期，例如 2026-03-02。", "Indique uma data como 2026-03-02."));
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, io.gcam.core.LocalizedText.of("Enter a date such as 2026-03-02.",
                    "請輸入日期，例如 2026-03-02。", "Indique uma data como 2026-03-02."));
        }
    }

    /** {@code /api/v1/appointment-services}. */
    @Path("/api/v1/appointment-services")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Services {
        private final AppointmentService service;

        Services(AppointmentService service) {
            this.service = service;
        }

        /**
         * @param security the request's security context
         * @return every bookable service with its service point
         */
        @GET
        public List<ServiceDto> list(@Context SecurityContext security) {
            Actor actor = actorOrAnonymous(security);
            Map<ServicePointId, ServicePoint> points = new HashMap<>();
            return service.services(actor, null).stream()
                    .map(s -> ServiceDto.of(s, points.computeIfAbsent(s.servicePointId(),
                            id -> service.servicePoint(actor, id))))
                    .toList();
        }

        /**
         * @param id the service
         * @param from first day (ISO date, required)
         * @param to last day (ISO date, required; at most 366 days after {@code from})
         * @param security the request's security context
         * @return the slots with free places
         */
        @GET
        @Path("{id}/slots")
        public List<SlotDto> slots(@PathParam("id") String id, @QueryParam("from") @Nullable String from,
                @QueryParam("to") @Nullable String to, @Context SecurityContext security) {
            Actor actor = actorOrAnonymous(security);
            BookableServiceId serviceId = new BookableServiceId(id);
            LocalDate first = date("from", from);
            LocalDate last = date("to", to);
            return service.availability(actor, serviceId, first, last).stream().map(SlotDto::of).toList();
        }
    }

    /** {@code /api/v1/appointments}. */
    @Path("/api/v1/appointments")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Appointments {
        private final AppointmentService service;

        Appointments(AppointmentService service) {
            this.service = service;
        }

        /**
         * Reserves (applicants: a hold to confirm) or books a walk-in (counter staff: confirmed).
         *
         * @param body the service and slot
         * @param security the request's security context
         * @param idempotency the request's idempotency key, if any
         * @return 201 with the appointment and its manage code
         */
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Idempotent
        public Response reserve(NewAppointment body, @Context SecurityContext security,
                @BeanParam IdempotentRequest idempotency) {
            Actor actor = RequestActor.from(security);
            BookableServiceId serviceId = new BookableServiceId(body.serviceId());
            return idempotency.run(body, () -> {
                Reservation r = actor.isStaff()
                        ? service.bookWalkIn(actor, serviceId, body.start(), body.applicantId())
                        : service.reserve(actor, serviceId, body.start());
                return Response.created(URI.create("/api/v1/appointments/" + r.appointment().id().value()))
                        .entity(ReservationDto.of(r)).build();
            });
        }

        /**
         * @param id the appointment
         * @param code the manage code, if not signed in as owner or staff
         * @param security the request's security context
         * @return the appointment
         */
        @GET
        @Path("{id}")
        public AppointmentDto get(@PathParam("id") String id, @HeaderParam(MANAGE_CODE) @Nullable String code,
                @Context SecurityContext security) {
            return AppointmentDto.of(service.appointment(appointmentActor(security, code), new AppointmentId(id), code));
        }

        /**
         * @param id the appointment
         * @param code the manage code, if not signed in as owner or staff
         * @param security the request's security context
         * @return the confirmed appointment
         */
        @POST
        @Path("{id}/confirm")
        public AppointmentDto confirm(@PathParam("id") String id, @HeaderParam(MANAGE_CODE) @Nullable String code,
                @Context SecurityContext security) {
            return AppointmentDto.of(service.confirm(appointmentActor(security, code), new AppointmentId(id), code));
        }

        /**
         * @param id the appointment
         * @param body the new slot
         * @param code the manage code, if not signed in as owner or staff
         * @param security the request's security context
         * @return the moved appointment
         */
        @PATCH
        @Path("{id}")
        @Consumes(MediaType.APPLICATION_JSON)
        public AppointmentDto reschedule(@PathParam("id") String id, Reschedule body,
                @HeaderParam(MANAGE_CODE) @Nullable String code, @Context SecurityContext security) {
            return AppointmentDto.of(service.reschedule(appointmentActor(security, code), new AppointmentId(id),
                    body.start(), code));
        }

        /**
         * @param id the appointment
         * @param code the manage code, if not signed in as owner or staff
         * @param security the request's security context
         * @return the cancelled appointment
         */
        @DELETE
        @Path("{id}")
        public AppointmentDto cancel(@PathParam("id") String id, @HeaderParam(MANAGE_CODE) @Nullable String code,
                @Context SecurityContext security) {
            return AppointmentDto.of(service.cancel(appointmentActor(security, code), new AppointmentId(id), code));
        }

        /**
         * @param id the appointment
         * @param code the manage code, if not signed in as owner or staff
         * @param security the request's security context
         * @param headers the request headers (Accept-Language picks the language)
         * @return the iCalendar file
         */
        @GET
        @Path("{id}.ics")
        @Produces("text/calendar")
        public Response calendar(@PathParam("id") String id, @HeaderParam(MANAGE_CODE) @Nullable String code,
                @Context SecurityContext security, @Context HttpHeaders headers) {
            String ics = service.calendarFile(appointmentActor(security, code), new AppointmentId(id), code,
                    language(headers));
            return Response.ok(ics, "text/calendar; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"appointment-" + id + ".ics\"")
                    .build();
        }

        /**
         * @param id the appointment
         * @param security the request's security context
         * @return the appointment, marked as a no-show
         */
        @POST
        @Path("{id}/no-show")
        public AppointmentDto noShow(@PathParam("id") String id, @Context SecurityContext security) {
            Appointment a = service.markNoShow(RequestActor.from(security), new AppointmentId(id));
            return AppointmentDto.of(a);
        }

        private static Locale language(HttpHeaders headers) {
            List<Locale> languages = headers.getAcceptableLanguages();
            return languages.isEmpty() || "*".equals(languages.get(0).toString()) ? GcamLocales.ENGLISH
                    : languages.get(0);
        }
    }

    /** {@code /api/v1/kiosk}. */
    @Path("/api/v1/kiosk")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static final class Kiosk {
        private final QueueService queue;

        Kiosk(QueueService queue) {
            this.queue = queue;
        }

        /**
         * @param body the service point and the manage code or QR content
         * @param security the request's security context
         * @return 201 with the booked ticket
         */
        @POST
        @Path("check-ins")
        public Response checkIn(CheckIn body, @Context SecurityContext security) {
            Actor actor = RequestActor.find(security).orElse(KIOSK);
            Ticket t = queue.checkIn(actor, new ServicePointId(body.servicePointId()), body.code());
            return created(t, queue, actor);
        }

        /**
         * @param body the service
         * @param security the request's security context
         * @return 201 with the walk-in ticket and its estimate
         */
        @POST
        @Path("tickets")
        public Response ticket(NewTicket body, @Context SecurityContext security) {
            Actor actor = RequestActor.find(security).orElse(KIOSK);
            Ticket t = queue.takeTicket(actor, new BookableServiceId(body.serviceId()));
            return created(t, queue, actor);
        }

        private static Response created(Ticket t, QueueService queue, Actor actor) {
            return Response.created(URI.create("/api/v1/tickets/" + t.id().value()))
                    .entity(TicketDto.of(t, queue.estimate(actor, t.id()))).build();
        }
    }

    /** {@code /api/v1/counters}. */
    @Path("/api/v1/counters")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Counters {
        private final QueueService queue;

        Counters(QueueService queue) {
            this.queue = queue;
        }

        /**
         * @param counter the counter's name at its service point
         * @param body the service point and the services the counter serves
         * @param security the request's security context
         * @return the called ticket, or 204 when nobody waits
         */
        @POST
        @Path("{counter}/call-next")
        @Consumes(MediaType.APPLICATION_JSON)
        public Response callNext(@PathParam("counter") String counter, CallNext body, @Context SecurityContext security) {
            Set<BookableServiceId> services = new HashSet<>();
            if (body.serviceIds() != null) {
                body.serviceIds().forEach(s -> services.add(new BookableServiceId(s)));
            }
            return queue.callNext(RequestActor.from(security), new ServicePointId(body.servicePointId()), counter, services)
                    .map(t -> Response.ok(TicketDto.of(t, null)).build())
                    .orElseGet(() -> Response.noContent().build());
        }
    }

    /** {@code /api/v1/tickets}. */
    @Path("/api/v1/tickets")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Tickets {
        private final QueueService queue;

        Tickets(QueueService queue) {
            this.queue = queue;
        }

        /**
         * @param id the ticket
         * @param security the request's security context
         * @return the ticket with its estimate
         */
        @GET
        @Path("{id}")
        public TicketDto get(@PathParam("id") String id, @Context SecurityContext security) {
            Actor actor = actorOrAnonymous(security);
            Ticket t = queue.ticket(actor, new TicketId(id));
            return TicketDto.of(t, t.status() == TicketStatus.WAITING ? queue.estimate(actor, t.id()) : null);
        }

        /**
         * @param id the ticket
         * @param security the request's security context
         * @return the skipped ticket
         */
        @POST
        @Path("{id}/skip")
        public TicketDto skip(@PathParam("id") String id, @Context SecurityContext security) {
            return TicketDto.of(queue.skip(RequestActor.from(security), new TicketId(id)), null);
        }

        /**
         * @param id the ticket
         * @param counter the counter it is called to
         * @param security the request's security context
         * @return the recalled ticket
         */
        @POST
        @Path("{id}/recall")
        public TicketDto recall(@PathParam("id") String id, @QueryParam("counter") String counter,
                @Context SecurityContext security) {
            return TicketDto.of(queue.recall(RequestActor.from(security), new TicketId(id), counter), null);
        }

        /**
         * @param id the ticket
         * @param security the request's security context
         * @return the served ticket
         */
        @POST
        @Path("{id}/complete")
        public TicketDto complete(@PathParam("id") String id, @Context SecurityContext security) {
            return TicketDto.of(queue.complete(RequestActor.from(security), new TicketId(id)), null);
        }
    }

    /** {@code /api/v1/service-points}. */
    @Path("/api/v1/service-points")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class ServicePoints {
        private final QueueService queue;

        ServicePoints(QueueService queue) {
            this.queue = queue;
        }

        /**
         * @param id the service point
         * @param security the request's security context
         * @return today's display board
         */
        @GET
        @Path("{id}/board")
        public BoardDto board(@PathParam("id") String id, @Context SecurityContext security) {
            return BoardDto.of(queue.board(actorOrAnonymous(security), new ServicePointId(id)));
        }
    }
}
