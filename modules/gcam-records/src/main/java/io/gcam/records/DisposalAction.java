package io.gcam.records;

/** What a retention rule says to do with a record once its retention period has passed. */
public enum DisposalAction {
    /** Destroy the record and its content. A disposal certificate remains. */
    DESTROY,
    /** Hand the record over to the archives: it becomes {@link RecordStatus#ARCHIVED}. */
    TRANSFER_TO_ARCHIVES,
    /** A records officer reviews it; the disposal run keeps it and reports it as reviewed. */
    REVIEW
}
