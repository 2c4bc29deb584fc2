package io.gcam.rest;

import io.gcam.core.Actor;
import java.security.Principal;
import java.util.Objects;

/**
 * The {@link Principal} of a request whose actor was resolved: what
 * {@link jakarta.ws.rs.core.SecurityContext#getUserPrincipal()} returns once
 * {@link GcamRestFeature} has resolved the actor.
 *
 * @param actor the resolved actor
 */
public record ActorPrincipal(Actor actor) implements Principal {

    /** Requires an actor. */
    public ActorPrincipal {
        Objects.requireNonNull(actor, "actor");
    }

    /** @return the actor's opaque subject id (never a personal name) */
    @Override
    public String getName() {
        return actor.subjectId();
    }
}
