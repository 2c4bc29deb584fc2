package io.gcam.records;

/** The state of a transfer of custody. */
public enum TransferStatus {
    /** Sent, waiting for the receiver to acknowledge it. */
    PENDING,
    /** The receiver acknowledged it: the receiver is the record's custodian. */
    ACKNOWLEDGED
}
