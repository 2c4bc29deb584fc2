package io.gcam.rest.spi;

import io.gcam.core.Actor;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/**
 * Turns the credentials of an HTTP request into the {@link Actor} that GCAM operations check.
 *
 * <p>An application implements this once for its identity backend: a bearer-token lookup, an OIDC
 * access token's claims, or the container's own authentication via
 * {@link ContainerRequestContext#getSecurityContext()}. {@link io.gcam.rest.GcamRestFeature} calls it
 * once per request, before the resource method runs, after any container authentication.
 *
 * <pre>{@code
 * ActorResolver fromContainer = request -> {
 *     Principal user = request.getSecurityContext().getUserPrincipal();
 *     return user == null ? Optional.empty() : Optional.of(Actor.applicant(user.getName()));
 * };
 * }</pre>
 *
 * <p>Implementations must be thread-safe. They should not log credentials.
 */
@FunctionalInterface
public interface ActorResolver {

    /**
     * Resolves the actor of {@code request}.
     *
     * @param request the incoming request (headers, security context); its entity must not be read
     * @return the actor, or empty when the request carries no credentials at all (an anonymous
     *     request: resources that need an actor then answer 401)
     * @throws io.gcam.rest.UnauthenticatedException when credentials are present but not valid
     *     (unknown or expired token); the client gets a 401 problem even on public resources, so that
     *     it learns its credentials are wrong
     */
    Optional<Actor> resolve(ContainerRequestContext request);
}
