package io.gcam.profile;

/** How the applicant prefers to be contacted. */
public enum ContactChannel {
    /** Email. */
    EMAIL,
    /** SMS to the mobile phone. */
    SMS,
    /** Messages in the portal's inbox. */
    IN_APP,
    /** Letters to the postal address. */
    POST
}
