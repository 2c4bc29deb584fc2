package io.gcam.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who performs an operation: an applicant (a member of the public), a staff member of one agency,
 * or the system itself (a scheduled worker). Every public GCAM operation takes an {@code Actor} and
 * checks it.
 *
 * @param subjectId stable identifier of the person or process (never a name or an ID-card number)
 * @param kind applicant, staff or system
 * @param agency code of the staff member's agency (e.g. {@code SAFP}); {@code null} for applicants
 * @param roles roles held in that agency (e.g. {@code REVIEWER}); empty for applicants
 */
public record Actor(String subjectId, Kind kind, @Nullable String agency, Set<String> roles) {

    /** The three kinds of actor. */
    public enum Kind {
        /** A member of the public acting for themselves. */
        APPLICANT,
        /** An agency employee acting within their agency and roles. */
        STAFF,
        /** GCAM or the hosting application acting on its own (workers, schedulers). */
        SYSTEM
    }

    /** Validates the combination of kind, agency and roles. */
    public Actor {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(kind, "kind");
        if (subjectId.isBlank()) {
            throw new IllegalArgumentException("an Actor needs a subject id");
        }
        roles = Set.copyOf(roles);
        if (kind == Kind.STAFF && (agency == null || agency.isBlank())) {
            throw new IllegalArgumentException("a staff Actor needs an agency");
        }
        if (kind == Kind.APPLICANT && (agency != null || !roles.isEmpty())) {
            throw new IllegalArgumentException("an applicant Actor has no agency and no roles");
        }
    }

    /**
     * @param subjectId the applicant's stable id
     * @return an applicant actor
     */
    public static Actor applicant(String subjectId) {
        return new Actor(subjectId, Kind.APPLICANT, null, Set.of());
    }

    /**
     * @param subjectId the staff member's stable id
     * @param agency the agency code
     * @param roles the roles held in that agency (duplicates are ignored)
     * @return a staff actor
     */
    public static Actor staff(String subjectId, String agency, String... roles) {
        return new Actor(subjectId, Kind.STAFF, agency, Set.copyOf(Arrays.asList(roles)));
    }

    /**
     * @param process name of the acting process, e.g. {@code notification-worker}
     * @return a system actor, allowed everything a trusted background process needs
     */
    public static Actor system(String process) {
        return new Actor(process, Kind.SYSTEM, null, Set.of());
    }

    /** @return whether this is an applicant */
    public boolean isApplicant() {
        return kind == Kind.APPLICANT;
    }

    /** @return whether this is a staff member */
    public boolean isStaff() {
        return kind == Kind.STAFF;
    }

    /** @return whether this is the system */
    public boolean isSystem() {
        return kind == Kind.SYSTEM;
    }

    /**
     * @param role a role name
     * @return whether this actor holds the role (applicants and the system hold none)
     */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * @param agencyCode an agency code
     * @return whether this actor is a staff member of that agency
     */
    public boolean isStaffOf(String agencyCode) {
        return kind == Kind.STAFF && agencyCode.equals(agency);
    }

    /**
     * Whether this actor may see or act on an object owned by {@code ownerSubjectId} and handled by
     * {@code agencyCode}: the owner themselves, any staff member of that agency, or the system.
     *
     * @param ownerSubjectId subject id of the applicant who owns the object
     * @param agencyCode the agency responsible for the object
     * @return whether access is allowed
     */
    public boolean isOwnerOrStaffOf(String ownerSubjectId, String agencyCode) {
        return kind == Kind.SYSTEM
                || (kind == Kind.APPLICANT && subjectId.equals(ownerSubjectId))
                || isStaffOf(agencyCode);
    }

    /**
     * @param ownerSubjectId owner of the object
     * @param agencyCode agency responsible for the object
     * @param operation what is attempted, for the error message
     * @throws AccessDeniedException unless {@link #isOwnerOrStaffOf(String, String)}
     */
    public void requireOwnerOrStaffOf(String ownerSubjectId, String agencyCode, String operation) {
        if (!isOwnerOrStaffOf(ownerSubjectId, agencyCode)) {
            throw new AccessDeniedException(operation);
        }
    }

    /**
     * @param agencyCode the agency whose staff may act
     * @param role the role required
     * @param operation what is attempted, for the error message
     * @throws AccessDeniedException unless this is the system, or staff of that agency with that role
     */
    public void requireRole(String agencyCode, String role, String operation) {
        if (!(kind == Kind.SYSTEM || (isStaffOf(agencyCode) && hasRole(role)))) {
            throw new AccessDeniedException(operation);
        }
    }

    @Override
    public String toString() {
        // Never PII: only the opaque subject id, kind, agency and roles.
        return "Actor[" + kind + " " + subjectId + (agency != null ? "@" + agency : "") + " " + roles + "]";
    }
}
