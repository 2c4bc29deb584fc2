package io.gcam.records;

/** The state of a disposal run. */
public enum DisposalRunStatus {
    /** Prepared: lists what is due, waiting for a records officer's approval. */
    PENDING_APPROVAL,
    /** Approved and carried out. */
    COMPLETED
}
