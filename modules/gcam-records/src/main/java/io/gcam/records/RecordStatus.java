package io.gcam.records;

/** Where a record is in its life. Destroyed records leave the registry; their certificates remain. */
public enum RecordStatus {
    /** In use: versions may be added. */
    OPEN,
    /** Closed: no new versions; its retention period runs from the closing date. */
    CLOSED,
    /** Handed over to the archives by a disposal run; kept read-only. */
    ARCHIVED
}
