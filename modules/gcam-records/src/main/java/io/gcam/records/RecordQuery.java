package io.gcam.records;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Search criteria for {@link RecordsService#search}. Every criterion left {@code null} matches all.
 * The reader's agency and clearance are always applied on top: a search never returns a record the
 * reader may not see.
 *
 * @param classificationPrefix a file plan code; matches that class and every class whose code starts
 *     with it followed by a dot (its subtree)
 * @param keyword matches a record keyword exactly, or a part of its title in any language (case
 *     insensitive)
 * @param status the status
 * @param kind record or dossier
 * @param caseReference the application or case reference
 * @param dossierId records filed in this dossier
 * @param createdFrom registered at or after
 * @param createdBefore registered before
 */
public record RecordQuery(@Nullable String classificationPrefix, @Nullable String keyword,
        @Nullable RecordStatus status, @Nullable RecordKind kind, @Nullable String caseReference,
        @Nullable RecordId dossierId, @Nullable Instant createdFrom, @Nullable Instant createdBefore) {

    /** Normalizes the keyword to lower case; a blank keyword or prefix matches all. */
    public RecordQuery {
        keyword = keyword == null || keyword.isBlank() ? null : keyword.strip().toLowerCase(Locale.ROOT);
        classificationPrefix = classificationPrefix == null || classificationPrefix.isBlank() ? null
                : classificationPrefix.strip();
        caseReference = caseReference == null || caseReference.isBlank() ? null : caseReference.strip();
    }

    /** @return a query that matches every record the reader may see */
    public static RecordQuery all() {
        return builder().build();
    }

    /** @return a builder with no criteria */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordQuery}. */
    public static final class Builder {
        private @Nullable String classificationPrefix;
        private @Nullable String keyword;
        private @Nullable RecordStatus status;
        private @Nullable RecordKind kind;
        private @Nullable String caseReference;
        private @Nullable RecordId dossierId;
        private @Nullable Instant createdFrom;
        private @Nullable Instant createdBefore;

        private Builder() {
        }

        /**
         * @param value a file plan code (the class and its subtree)
         * @return this builder
         */
        public Builder classification(@Nullable String value) {
            this.classificationPrefix = value;
            return this;
        }

        /**
         * @param value a keyword or part of the title
         * @return this builder
         */
        public Builder keyword(@Nullable String value) {
            this.keyword = value;
            return this;
        }

        /**
         * @param value the status
         * @return this builder
         */
        public Builder status(@Nullable RecordStatus value) {
            this.status = value;
            return this;
        }

        /**
         * @param value record or dossier
         * @return this builder
         */
        public Builder kind(@Nullable RecordKind value) {
            this.kind = value;
            return this;
        }

        /**
         * @param value the application or case reference
         * @return this builder
         */
        public Builder caseReference(@Nullable String value) {
            this.caseReference = value;
            return this;
        }

        /**
         * @param value the dossier
         * @return this builder
         */
        public Builder dossier(@Nullable RecordId value) {
            this.dossierId = value;
            return this;
        }

        /**
         * @param from registered at or after, {@code null} for no lower bound
         * @param before registered before, {@code null} for no upper bound
         * @return this builder
         */
        public Builder created(@Nullable Instant from, @Nullable Instant before) {
            this.createdFrom = from;
            this.createdBefore = before;
            return this;
        }

        /** @return the query */
        public RecordQuery build() {
            return new RecordQuery(classificationPrefix, keyword, status, kind, caseReference, dossierId, createdFrom,
                    createdBefore);
        }
    }
}
