package io.gcam.records;

/** What an approved disposal run did with one of its records. */
public enum DisposalOutcome {
    /** The record and its content were destroyed; a certificate was issued. */
    DESTROYED,
    /** The record was handed over to the archives; a certificate was issued. */
    TRANSFERRED_TO_ARCHIVES,
    /** The rule asks for a review: the record was kept. */
    KEPT_FOR_REVIEW,
    /** A legal hold was placed on the record: it was kept. */
    KEPT_ON_LEGAL_HOLD,
    /** The record changed (reopened, reclassified, gone) since the run was prepared: it was kept. */
    KEPT_CHANGED
}
