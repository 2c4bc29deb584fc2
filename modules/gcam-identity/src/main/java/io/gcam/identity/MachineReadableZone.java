package io.gcam.identity;

import io.gcam.identity.internal.Pii;

/**
 * The fields of a machine-readable zone (ICAO 9303) whose check digits all passed. Dates stay as
 * printed ({@code YYMMDD}): the century of a two-digit year is the reader's decision.
 * {@link #toString()} masks the personal fields.
 *
 * @param documentCode document code, e.g. {@code P} or {@code I} (fillers removed)
 * @param issuingState issuing state or organization, e.g. {@code UTO}
 * @param documentNumber document number (fillers removed)
 * @param dateOfBirth date of birth, {@code YYMMDD}
 * @param sex {@code M}, {@code F} or {@code <}
 * @param dateOfExpiry date of expiry, {@code YYMMDD}
 * @param nationality nationality, e.g. {@code UTO}
 * @param primaryIdentifier primary identifier (surname), fillers turned into spaces
 * @param secondaryIdentifier secondary identifier (given names), fillers turned into spaces
 */
public record MachineReadableZone(
        String documentCode,
        String issuingState,
        String documentNumber,
        String dateOfBirth,
        String sex,
        String dateOfExpiry,
        String nationality,
        String primaryIdentifier,
        String secondaryIdentifier) {

    /** @return the zone with number, birth date and names masked */
    @Override
    public String toString() {
        return "MachineReadableZone[documentCode=" + documentCode + ", issuingState=" + issuingState
                + ", documentNumber=" + Pii.mask(documentNumber) + ", dateOfBirth=******, sex=" + sex
                + ", dateOfExpiry=" + dateOfExpiry + ", nationality=" + nationality
                + ", primaryIdentifier=" + Pii.mask(primaryIdentifier)
                + ", secondaryIdentifier=" + Pii.mask(secondaryIdentifier) + "]";
    }
}
