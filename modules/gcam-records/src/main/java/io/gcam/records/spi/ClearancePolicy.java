package io.gcam.records.spi;

import io.gcam.core.Actor;
import io.gcam.records.RecordsRoles;
import io.gcam.records.SecurityLevel;

/**
 * Tells how far an actor is cleared. A reader sees a record only when their clearance
 * {@linkplain SecurityLevel#permits permits} its security level. Agencies with their own vetting
 * register supply their own policy.
 */
@FunctionalInterface
public interface ClearancePolicy {

    /**
     * @param actor the reader
     * @return the highest security level the reader may see
     */
    SecurityLevel clearanceOf(Actor actor);

    /**
     * The default: the system is cleared for everything; staff for {@link SecurityLevel#SECRET} with
     * role {@value RecordsRoles#CLEARANCE_SECRET}, for {@link SecurityLevel#CONFIDENTIAL} with role
     * {@value RecordsRoles#CLEARANCE_CONFIDENTIAL}, otherwise for {@link SecurityLevel#INTERNAL};
     * applicants for {@link SecurityLevel#PUBLIC}.
     *
     * @return the role-based policy
     */
    static ClearancePolicy byRoles() {
        return actor -> {
            if (actor.isSystem()) {
                return SecurityLevel.SECRET;
            }
            if (!actor.isStaff()) {
                return SecurityLevel.PUBLIC;
            }
            if (actor.hasRole(RecordsRoles.CLEARANCE_SECRET)) {
                return SecurityLevel.SECRET;
            }
            if (actor.hasRole(RecordsRoles.CLEARANCE_CONFIDENTIAL)) {
                return SecurityLevel.CONFIDENTIAL;
            }
            return SecurityLevel.INTERNAL;
        };
    }
}
