package io.gcam.records;

import io.gcam.core.LocalizedText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link RecordsService#register} needs to register a record or dossier.
 *
 * <pre>{@code
 * NewRecord dossier = NewRecord.builder(LocalizedText.of("Application", "申請", "Candidatura"), "HR.RECRUITMENT")
 *         .kind(RecordKind.DOSSIER)
 *         .department("HR")
 *         .securityLevel(SecurityLevel.CONFIDENTIAL)
 *         .caseReference("REC-2026-000123")
 *         .keywords("recruitment", "2026")
 *         .build();
 * }</pre>
 *
 * @param kind a record or a dossier
 * @param title the title in up to three languages
 * @param classificationCode a class of the owner agency's file plan
 * @param securityLevel the clearance needed to see it
 * @param agency the owner agency; {@code null} means the acting staff member's agency
 * @param department the owner department within the agency
 * @param caseReference the application or case it belongs to, {@code null} when none
 * @param keywords search keywords (stored in lower case, without duplicates)
 * @param dossierId the dossier to file it in, {@code null} when none
 * @param location where the physical file is, {@code null} when born digital
 * @param barcode the physical file's barcode, {@code null} when none
 */
public record NewRecord(RecordKind kind, LocalizedText title, String classificationCode, SecurityLevel securityLevel,
        @Nullable String agency, String department, @Nullable String caseReference, List<String> keywords,
        @Nullable RecordId dossierId, @Nullable String location, @Nullable String barcode) {

    /** Checks that the required fields are present and normalizes the keywords. */
    public NewRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(classificationCode, "classificationCode");
        Objects.requireNonNull(securityLevel, "securityLevel");
        Objects.requireNonNull(department, "department");
        LinkedHashSet<String> normalized = new LinkedHashSet<>();
        for (String keyword : keywords) {
            String k = Objects.requireNonNull(keyword, "keyword").strip().toLowerCase(Locale.ROOT);
            if (!k.isEmpty()) {
                normalized.add(k);
            }
        }
        keywords = List.copyOf(normalized);
    }

    /**
     * @param title the title
     * @param classificationCode a class of the file plan
     * @return a builder for a single {@link RecordKind#RECORD} at level {@link SecurityLevel#INTERNAL}
     *     in department {@code GENERAL}, until told otherwise
     */
    public static Builder builder(LocalizedText title, String classificationCode) {
        return new Builder(title, classificationCode);
    }

    /** Builds a {@link NewRecord}. */
    public static final class Builder {
        private final LocalizedText title;
        private final String classificationCode;
        private RecordKind kind = RecordKind.RECORD;
        private SecurityLevel securityLevel = SecurityLevel.INTERNAL;
        private @Nullable String agency;
        private String department = "GENERAL";
        private @Nullable String caseReference;
        private final List<String> keywords = new ArrayList<>();
        private @Nullable RecordId dossierId;
        private @Nullable String location;
        private @Nullable String barcode;

        private Builder(LocalizedText title, String classificationCode) {
            this.title = Objects.requireNonNull(title, "title");
            this.classificationCode = Objects.requireNonNull(classificationCode, "classificationCode");
        }

        /**
         * @param value record or dossier
         * @return this builder
         */
        public Builder kind(RecordKind value) {
            this.kind = Objects.requireNonNull(value, "kind");
            return this;
        }

        /**
         * @param value the clearance needed to see the record
         * @return this builder
         */
        public Builder securityLevel(SecurityLevel value) {
            this.securityLevel = Objects.requireNonNull(value, "securityLevel");
            return this;
        }

        /**
         * @param value the owner agency; needed when the system registers, otherwise the staff member's
         * @return this builder
         */
        public Builder agency(@Nullable String value) {
            this.agency = value;
            return this;
        }

        /**
         * @param value the owner department
         * @return this builder
         */
        public Builder department(String value) {
            this.department = Objects.requireNonNull(value, "department");
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
         * @param values keywords to add
         * @return this builder
         */
        public Builder keywords(String... values) {
            keywords.addAll(List.of(values));
            return this;
        }

        /**
         * @param value the dossier to file the record in
         * @return this builder
         */
        public Builder dossier(@Nullable RecordId value) {
            this.dossierId = value;
            return this;
        }

        /**
         * @param value where the physical file is kept
         * @return this builder
         */
        public Builder location(@Nullable String value) {
            this.location = value;
            return this;
        }

        /**
         * @param value the physical file's barcode
         * @return this builder
         */
        public Builder barcode(@Nullable String value) {
            this.barcode = value;
            return this;
        }

        /** @return the new record's description */
        public NewRecord build() {
            return new NewRecord(kind, title, classificationCode, securityLevel, agency, department, caseReference,
                    keywords, dossierId, location, barcode);
        }
    }
}
