package io.gcam.records;

import io.gcam.core.AuditHead;
import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.util.Objects;

/**
 * Proof that a record was disposed of: what, when, under which rule, approved by whom. Certificates
 * are kept after the record itself is destroyed, and are never changed.
 *
 * @param runId the disposal run
 * @param recordId the record's id
 * @param reference the record's reference number
 * @param title the record's title
 * @param agency the owner agency
 * @param classificationCode the class it was filed under
 * @param rule the retention rule applied
 * @param outcome destroyed or transferred to the archives
 * @param preparedBy who prepared the run
 * @param approvedBy the records officer who approved it
 * @param disposedAt when it was carried out
 * @param custodyHead the last entry of the record's chain of custody at disposal: index and hash
 */
public record DisposalCertificate(DisposalRunId runId, RecordId recordId, String reference, LocalizedText title,
        String agency, String classificationCode, RetentionRule rule, DisposalOutcome outcome, String preparedBy,
        String approvedBy, Instant disposedAt, AuditHead custodyHead) {

    /** Checks that every field is present. */
    public DisposalCertificate {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(classificationCode, "classificationCode");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(preparedBy, "preparedBy");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(disposedAt, "disposedAt");
        Objects.requireNonNull(custodyHead, "custodyHead");
    }
}
