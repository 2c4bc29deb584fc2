package io.gcam.profile;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a profile's history: who saved which version when, and which fields it changed.
 * Holds no personal values, only field names.
 *
 * @param profileId the profile
 * @param version the version this change produced
 * @param action {@code created}, {@code updated} or {@code erased}
 * @param changedFields the fields whose value changed
 * @param actorKind the kind of actor ({@code APPLICANT}, {@code STAFF}, {@code SYSTEM})
 * @param actorId the acting subject id or system process
 * @param changedAt when the version was saved
 */
public record ProfileVersion(
        ProfileId profileId,
        long version,
        String action,
        Set<ProfileField> changedFields,
        String actorKind,
        String actorId,
        Instant changedAt) {

    /** Checks that every part is present and copies the set. */
    public ProfileVersion {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(changedFields, "changedFields");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(changedAt, "changedAt");
        changedFields = changedFields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(changedFields));
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }
}
