package io.gcam.records;

/** Whether an entry of the registry is a single record or a dossier (a file) that groups records. */
public enum RecordKind {
    /** A single record: one piece of content, in versions. */
    RECORD,
    /** A dossier (file) that groups records about one matter, e.g. one application. */
    DOSSIER
}
