package io.gcam.profile;

/** Whether a profile still holds personal data. */
public enum ProfileStatus {
    /** In use; the applicant can edit it. */
    ACTIVE,
    /** Erased at the applicant's request: personal data removed, only the history of changes kept. */
    ERASED
}
