package io.gcam.rest.notification;

import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.GcamLocales;
import io.gcam.core.LocalizedText;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.ValidationException;
import io.gcam.notification.Channel;
import io.gcam.notification.NotificationService;
import io.gcam.rest.RequestActor;
import io.gcam.rest.notification.NotificationDtos.InboxMessageDto;
import io.gcam.rest.notification.NotificationDtos.NotificationDto;
import io.gcam.rest.notification.NotificationDtos.PreviewDto;
import io.gcam.rest.notification.NotificationDtos.PreviewRequest;
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
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The notification API. Register the resources of {@link #create(NotificationService)} with the
 * Jakarta REST application, next to {@link io.gcam.rest.GcamRestFeature}:
 *
 * <pre>{@code
 * ResourceConfig app = new ResourceConfig()
 *         .register(GcamRestFeature.builder().actorResolver(resolver).build())
 *         .registerInstances(NotificationResources.create(notificationService));
 * }</pre>
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>method and path</th><th>who</th><th>answer</th></tr>
 *   <tr><td>{@code GET /api/v1/notifications?reference=...}</td><td>staff (sees its agency's)</td>
 *       <td>the notifications with that reference, oldest first, recipients masked; 400 without a
 *       reference</td></tr>
 *   <tr><td>{@code GET /api/v1/notifications/{id}}</td><td>staff of the sending agency, or the
 *       recipient</td><td>the notification; 404 {@code NOTIFICATION_NOT_FOUND} otherwise</td></tr>
 *   <tr><td>{@code POST /api/v1/notifications/{id}/retry}</td><td>staff of the sending agency with
 *       the role {@code notification-admin}</td><td>the requeued notification; 409
 *       {@code NOTIFICATION_NOT_RETRYABLE} unless it failed</td></tr>
 *   <tr><td>{@code POST /api/v1/notification-templates/{id}/preview}</td><td>staff with the role
 *       {@code notification-admin}</td><td>the rendered variant for {@code {channel, language,
 *       values}}; 400 {@code PLACEHOLDER_VALUE_MISSING} when a value is missing</td></tr>
 *   <tr><td>{@code GET /api/v1/me/inbox?page=&size=}</td><td>applicant</td><td>page of the own
 *       in-app messages, newest first</td></tr>
 *   <tr><td>{@code POST /api/v1/me/inbox/{id}/read}</td><td>applicant</td><td>204; 404 when the
 *       applicant has no such message</td></tr>
 * </table>
 *
 * <p>Errors are problem+json with the code, localized by {@code Accept-Language}, as everywhere in
 * gcam-rest. Sending stays a server-side operation: there is no endpoint that sends a notification.
 */
public final class NotificationResources {

    private NotificationResources() {
    }

    /**
     * @param service the notification service
     * @return the resource instances to register
     */
    public static Set<Object> create(NotificationService service) {
        Objects.requireNonNull(service, "service");
        return Set.of(new Notifications(service), new Templates(service), new Inbox(service));
    }

    /** {@code /api/v1/notifications}. */
    @Path("/api/v1/notifications")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Notifications {
        private final NotificationService service;

        Notifications(NotificationService service) {
            this.service = service;
        }

        /**
         * @param reference the caller's reference
         * @param security the request's security context
         * @return the notifications with that reference the caller may see, oldest first
         */
        @GET
        public List<NotificationDto> byReference(@QueryParam("reference") @Nullable String reference,
                @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            if (!actor.isStaff() && !actor.isSystem()) {
                throw new AccessDeniedException("list notifications");
            }
            if (reference == null || reference.isBlank()) {
                throw ValidationException.of("reference", LocalizedText.of(
                        "Give the reference to look up.", "請提供要查詢的參考編號。", "Indique a referência a consultar."));
            }
            return service.findByReference(actor, reference.trim()).stream().map(NotificationDto::of).toList();
        }

        /**
         * @param id the notification id
         * @param security the request's security context
         * @return the notification
         */
        @GET
        @Path("{id}")
        public NotificationDto get(@PathParam("id") String id, @Context SecurityContext security) {
            return NotificationDto.of(service.get(RequestActor.from(security), id));
        }

        /**
         * @param id the notification id
         * @param security the request's security context
         * @return the requeued notification
         */
        @POST
        @Path("{id}/retry")
        public NotificationDto retry(@PathParam("id") String id, @Context SecurityContext security) {
            return NotificationDto.of(service.retry(RequestActor.from(security), id));
        }
    }

    /** {@code /api/v1/notification-templates}. */
    @Path("/api/v1/notification-templates")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Templates {
        private final NotificationService service;

        Templates(NotificationService service) {
            this.service = service;
        }

        /**
         * @param id the template id (its latest version is rendered)
         * @param body channel, language and placeholder values
         * @param security the request's security context
         * @return the rendered variant
         */
        @POST
        @Path("{id}/preview")
        @Consumes(MediaType.APPLICATION_JSON)
        public PreviewDto preview(@PathParam("id") String id, @Nullable PreviewRequest body,
                @Context SecurityContext security) {
            Actor actor = RequestActor.from(security);
            PreviewRequest request = body == null ? new PreviewRequest(null, null, null) : body;
            Channel channel = channel(request.channel());
            Locale locale = request.language() == null ? GcamLocales.ENGLISH
                    : Locale.forLanguageTag(request.language());
            Map<String, String> values = request.values() == null ? Map.of() : request.values();
            return PreviewDto.of(service.preview(actor, id, channel, locale, values));
        }

        private static Channel channel(@Nullable String name) {
            if (name == null) {
                return Channel.EMAIL;
            }
            try {
                return Channel.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("channel", LocalizedText.of("Choose EMAIL, SMS or IN_APP.",
                        "請選擇 EMAIL、SMS 或 IN_APP。", "Escolha EMAIL, SMS ou IN_APP."));
            }
        }
    }

    /** {@code /api/v1/me/inbox}: the applicant's in-app messages. */
    @Path("/api/v1/me/inbox")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Inbox {
        private final NotificationService service;

        Inbox(NotificationService service) {
            this.service = service;
        }

        /**
         * @param page zero-based page
         * @param size page size
         * @param security the request's security context
         * @return the page, newest first
         */
        @GET
        public Page<InboxMessageDto> list(@QueryParam("page") @DefaultValue("0") int page,
                @QueryParam("size") @DefaultValue("20") int size, @Context SecurityContext security) {
            return service.inbox(RequestActor.from(security), PageRequest.of(page, size)).map(InboxMessageDto::of);
        }

        /**
         * @param id the message id
         * @param security the request's security context
         */
        @POST
        @Path("{id}/read")
        public void markRead(@PathParam("id") String id, @Context SecurityContext security) {
            service.markRead(RequestActor.from(security), id);
        }
    }
}
