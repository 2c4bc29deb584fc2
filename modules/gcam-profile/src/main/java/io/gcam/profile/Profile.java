package io.gcam.profile;

import io.gcam.identity.AssuranceLevel;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An applicant's profile as of one version. {@link #toString()} masks the personal data.
 *
 * @param id the profile's id
 * @param subjectId the applicant ({@link io.gcam.core.Actor#subjectId()}) it belongs to
 * @param data what the profile says
 * @param lockedFields fields taken from a verified identity; the applicant cannot edit them
 * @param assuranceLevel the level of the verification the locked fields came from
 * @param version the version number, 1 for a new profile, +1 per change
 * @param status active or erased
 * @param createdAt when the profile was created
 * @param updatedAt when the current version was saved
 */
public record Profile(
        ProfileId id,
        String subjectId,
        ProfileData data,
        Set<ProfileField> lockedFields,
        AssuranceLevel assuranceLevel,
        long version,
        ProfileStatus status,
        Instant createdAt,
        Instant updatedAt) {

    /** Checks that every part is present and copies the set. */
    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lockedFields, "lockedFields");
        Objects.requireNonNull(assuranceLevel, "assuranceLevel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lockedFields = lockedFields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(lockedFields));
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }

    /**
     * @param field a field
     * @return whether the applicant may not edit it
     */
    public boolean isLocked(ProfileField field) {
        return lockedFields.contains(field);
    }

    /** @return the profile with its data masked and the subject id left out */
    @Override
    public String toString() {
        return "Profile[id=" + id + ", data=" + data + ", lockedFields=" + lockedFields + ", assuranceLevel="
                + assuranceLevel + ", version=" + version + ", status=" + status + ", createdAt=" + createdAt
                + ", updatedAt=" + updatedAt + "]";
    }
}
