package io.gcam.records.spi;

import io.gcam.core.Actor;
import io.gcam.records.Custodian;
import io.gcam.records.RecordsRoles;

/**
 * Tells whether an actor works in a department. {@link io.gcam.core.Actor} carries an agency but no
 * department, so the records service asks this policy before a department takes custody of a
 * record: only the receiving department's staff (or a {@value RecordsRoles#RECORDS_OFFICER} of the
 * receiving agency) may acknowledge a transfer. Agencies whose staff directory knows departments
 * supply their own policy.
 */
@FunctionalInterface
public interface DepartmentPolicy {

    /**
     * @param actor a staff member (never called for the system)
     * @param department the agency and department
     * @return whether {@code actor} is staff of that department
     */
    boolean isMember(Actor actor, Custodian department);

    /**
     * The default: staff of the department's agency with the role {@code DEPT_<department code>}
     * ({@link RecordsRoles#department(String)}), e.g. {@code DEPT_ARCHIVE}.
     *
     * @return the role-based policy
     */
    static DepartmentPolicy byRoles() {
        return (actor, department) -> actor.isStaffOf(department.agency())
                && actor.hasRole(RecordsRoles.department(department.department()));
    }
}
