package io.gcam.records;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A list of records due for disposal in one agency, prepared and then approved by records officers.
 *
 * @param id the run's id
 * @param agency the agency whose records it covers
 * @param status pending approval or completed
 * @param preparedBy subject id of who prepared it
 * @param preparedAt when it was prepared (the retention periods were checked against this time)
 * @param approvedBy subject id of the approving records officer, {@code null} while pending
 * @param approvedAt when it was approved and carried out, {@code null} while pending
 * @param items the records listed, with their outcome once completed
 */
public record DisposalRun(DisposalRunId id, String agency, DisposalRunStatus status, String preparedBy,
        Instant preparedAt, @Nullable String approvedBy, @Nullable Instant approvedAt, List<DisposalItem> items) {

    /** Checks that the required fields are present and copies the items. */
    public DisposalRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(preparedBy, "preparedBy");
        Objects.requireNonNull(preparedAt, "preparedAt");
        items = List.copyOf(items);
    }
}
