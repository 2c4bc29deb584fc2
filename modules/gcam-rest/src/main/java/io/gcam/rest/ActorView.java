package io.gcam.rest;

import io.gcam.core.Actor;
import io.gcam.rest.internal.ActorViewMapper;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The JSON view of an {@link Actor}, for example the answer of a {@code GET /me} resource:
 * {@code {"subjectId":"u-123","kind":"STAFF","agency":"SAFP","roles":["REVIEWER"]}}.
 *
 * @param subjectId the actor's opaque subject id
 * @param kind applicant, staff or system
 * @param agency the staff member's agency, {@code null} (left out of the JSON) otherwise
 * @param roles the roles held, sorted
 */
public record ActorView(String subjectId, Actor.Kind kind, @Nullable String agency, List<String> roles) {

    /** Sorts and copies the roles. */
    public ActorView {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(kind, "kind");
        roles = roles.stream().sorted().toList();
    }

    /**
     * @param actor an actor
     * @return its view
     */
    public static ActorView of(Actor actor) {
        return ActorViewMapper.INSTANCE.toView(actor);
    }
}
