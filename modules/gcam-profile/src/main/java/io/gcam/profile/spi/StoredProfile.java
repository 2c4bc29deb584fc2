package io.gcam.profile.spi;

import io.gcam.identity.AssuranceLevel;
import io.gcam.profile.ProfileField;
import io.gcam.profile.ProfileId;
import io.gcam.profile.ProfileStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A profile as a {@link ProfileStore} keeps it: the personal data only as a
 * {@link io.gcam.core.FieldCipher} ciphertext, the identity document only as a
 * {@link io.gcam.core.BlindIndex} token besides; the rest is not personal.
 *
 * @param id the profile's id
 * @param subjectId the owner's subject id
 * @param encryptedData the ciphertext of the profile data, bound to this profile's id
 * @param documentIndex the blind-index token of the identity document, {@code null} when none
 * @param lockedFields fields the owner cannot edit
 * @param assuranceLevel level of the verification behind the locked fields
 * @param version the version number
 * @param status active or erased
 * @param createdAt when created
 * @param updatedAt when this version was saved
 */
public record StoredProfile(
        ProfileId id,
        String subjectId,
        String encryptedData,
        @Nullable String documentIndex,
        Set<ProfileField> lockedFields,
        AssuranceLevel assuranceLevel,
        long version,
        ProfileStatus status,
        Instant createdAt,
        Instant updatedAt) {

    /** Checks that the required parts are present and copies the set. */
    public StoredProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(encryptedData, "encryptedData");
        Objects.requireNonNull(lockedFields, "lockedFields");
        Objects.requireNonNull(assuranceLevel, "assuranceLevel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lockedFields = lockedFields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(lockedFields));
    }

    /** @return the record without subject id, ciphertext and token */
    @Override
    public String toString() {
        return "StoredProfile[id=" + id + ", version=" + version + ", status=" + status + "]";
    }
}
