package io.gcam.records;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record listed by a disposal run.
 *
 * @param recordId the record
 * @param reference its reference number
 * @param classificationCode its class when the run was prepared
 * @param rule the retention rule that made it due
 * @param closedAt when it closed
 * @param revision the record's revision when the run was prepared; a changed record is kept
 * @param outcome what the approved run did, {@code null} until then
 */
public record DisposalItem(RecordId recordId, String reference, String classificationCode, RetentionRule rule,
        Instant closedAt, long revision, @Nullable DisposalOutcome outcome) {

    /** Checks that the required fields are present. */
    public DisposalItem {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(classificationCode, "classificationCode");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    DisposalItem withOutcome(DisposalOutcome value) {
        return new DisposalItem(recordId, reference, classificationCode, rule, closedAt, revision, value);
    }
}
