package io.gcam.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who made an audit entry: the parts of an {@link Actor} that the audit trail records. Roles are
 * not recorded; they may change over time and the entry's action names what was done.
 *
 * @param subjectId the actor's stable subject id
 * @param kind applicant, staff or system
 * @param agency the staff member's agency, {@code null} for applicants and the system
 */
public record AuditActor(String subjectId, Actor.Kind kind, @Nullable String agency) {

    /** Checks that subject id and kind are present. */
    public AuditActor {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * @param actor the acting actor
     * @return its subject id, kind and agency
     */
    public static AuditActor of(Actor actor) {
        return new AuditActor(actor.subjectId(), actor.kind(), actor.agency());
    }
}
