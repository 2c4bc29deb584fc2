package io.gcam.records;

import java.util.List;
import java.util.Objects;

/**
 * What {@link RecordsService#fileDocuments} registered: a dossier and one record per document.
 *
 * @param dossier the dossier
 * @param records the records filed in it, in the order of the documents
 */
public record Filing(ManagedRecord dossier, List<ManagedRecord> records) {

    /** Checks the dossier and copies the records. */
    public Filing {
        Objects.requireNonNull(dossier, "dossier");
        records = List.copyOf(records);
    }
}
