package io.gcam.rest.internal;

import io.gcam.core.Actor;
import io.gcam.rest.ActorPrincipal;
import io.gcam.rest.RequestActor;
import io.gcam.rest.spi.ActorResolver;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/** Resolves the actor of each request and exposes it through the request's security context. */
public final class ActorFilter implements ContainerRequestFilter {

    private final ActorResolver resolver;

    /**
     * @param resolver resolves actors
     */
    public ActorFilter(ActorResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Actor> actor = resolver.resolve(request);
        if (actor.isPresent()) {
            request.setProperty(RequestActor.PROPERTY, actor.get());
            request.setSecurityContext(new ActorSecurityContext(actor.get(), request.getSecurityContext()));
        }
    }

    private static final class ActorSecurityContext implements SecurityContext {
        private final ActorPrincipal principal;
        private final SecurityContext original;

        ActorSecurityContext(Actor actor, SecurityContext original) {
            this.principal = new ActorPrincipal(actor);
            this.original = original;
        }

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return principal.actor().hasRole(role);
        }

        @Override
        public boolean isSecure() {
            return original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return original.getAuthenticationScheme();
        }
    }
}
