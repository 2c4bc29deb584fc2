package io.gcam.rest;

import io.gcam.core.Actor;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;

/**
 * The actor of the current request, as resolved by the {@link io.gcam.rest.spi.ActorResolver} that
 * {@link GcamRestFeature} was given.
 *
 * <p>In a resource method, inject the standard {@link SecurityContext}; in a filter, use the
 * request context:
 *
 * <pre>{@code
 * @GET
 * public ActorView me(@Context SecurityContext security) {
 *     return ActorView.of(RequestActor.from(security));   // 401 problem when anonymous
 * }
 * }</pre>
 */
public final class RequestActor {

    /** Name of the request property that holds the resolved {@link Actor}. */
    public static final String PROPERTY = "io.gcam.rest.actor";

    private RequestActor() {
    }

    /**
     * @param security the request's security context
     * @return the actor
     * @throws UnauthenticatedException when the request is anonymous (answered with 401)
     */
    public static Actor from(SecurityContext security) {
        return find(security).orElseThrow(UnauthenticatedException::new);
    }

    /**
     * @param security the request's security context
     * @return the actor, or empty for an anonymous request
     */
    public static Optional<Actor> find(SecurityContext security) {
        return security.getUserPrincipal() instanceof ActorPrincipal principal
                ? Optional.of(principal.actor())
                : Optional.empty();
    }

    /**
     * @param request the request context, in a filter or interceptor
     * @return the actor
     * @throws UnauthenticatedException when the request is anonymous (answered with 401)
     */
    public static Actor from(ContainerRequestContext request) {
        return find(request).orElseThrow(UnauthenticatedException::new);
    }

    /**
     * @param request the request context, in a filter or interceptor
     * @return the actor, or empty for an anonymous request
     */
    public static Optional<Actor> find(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof Actor actor ? Optional.of(actor) : Optional.empty();
    }
}
