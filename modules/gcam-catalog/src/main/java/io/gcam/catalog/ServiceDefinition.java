package io.gcam.catalog;

import io.gcam.core.LocalizedText;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an agency publishes about one of its e-services: the content of a catalogue entry. Build one
 * with {@link #builder(String, String)}; {@link CatalogService} validates it (codes, lengths, links)
 * when it is created, changed or imported.
 *
 * <pre>{@code
 * ServiceDefinition recruitment = ServiceDefinition.builder("SAFP-RECRUIT", "SAFP")
 *         .name(LocalizedText.of("Civil service recruitment", "公務人員招聘", "Recrutamento da função pública"))
 *         .description(LocalizedText.of("Apply for ...", "報考 ...", "Candidatar-se ..."))
 *         .category("employment")
 *         .lifeEvent("looking-for-work")
 *         .step(new Step(LocalizedText.english("Apply online"), null, List.of("ID_CARD"), List.of(),
 *                 Set.of(Channel.ONLINE, Channel.KIOSK)))
 *         .processingTime(new ProcessingTime(10, 30))
 *         .build();
 * }</pre>
 *
 * @param code the service's stable code, unique in the catalogue: upper-case letters, digits,
 *     {@code -} and {@code _}, 2 to 64 characters, e.g. {@code SAFP-RECRUIT}
 * @param agency code of the owning agency, e.g. {@code SAFP}; only its {@code CATALOG_EDITOR}s manage the entry
 * @param name the service's name
 * @param description what the service is for
 * @param keywords extra search words per language
 * @param category a category code, e.g. {@code employment}
 * @param lifeEvents life-event codes the service belongs to, e.g. {@code looking-for-work}
 * @param whoMayApply who may use the service, or {@code null} when anyone may
 * @param steps the steps, in order
 * @param processingTime the estimated processing time, or {@code null} when none is promised
 * @param legalBasis the laws and regulations the service rests on
 * @param contactPoints where to get help
 * @param applyOnlineUrl the {@code https} (or {@code http}) address where the service is applied for
 *     online, or {@code null}
 * @param appointmentUrl the address where an appointment is booked, or {@code null}
 */
public record ServiceDefinition(
        String code,
        String agency,
        LocalizedText name,
        LocalizedText description,
        Keywords keywords,
        String category,
        List<String> lifeEvents,
        @Nullable LocalizedText whoMayApply,
        List<Step> steps,
        @Nullable ProcessingTime processingTime,
        List<LocalizedText> legalBasis,
        List<ContactPoint> contactPoints,
        @Nullable String applyOnlineUrl,
        @Nullable String appointmentUrl) {

    /** Checks that the required fields are present and copies the lists (a missing one, from JSON, is empty). */
    public ServiceDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
        keywords = keywords == null ? Keywords.none() : keywords;
        lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
        steps = steps == null ? List.of() : List.copyOf(steps);
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        contactPoints = contactPoints == null ? List.of() : List.copyOf(contactPoints);
    }

    /**
     * @param code the service code
     * @param agency the owning agency
     * @return a builder; name, description and category are required
     */
    public static Builder builder(String code, String agency) {
        return new Builder(code, agency);
    }

    /** @return a builder holding this definition's values, to change some of them */
    public Builder toBuilder() {
        Builder b = new Builder(code, agency);
        b.name = name;
        b.description = description;
        b.keywords = keywords;
        b.category = category;
        b.lifeEvents.addAll(lifeEvents);
        b.whoMayApply = whoMayApply;
        b.steps.addAll(steps);
        b.processingTime = processingTime;
        b.legalBasis.addAll(legalBasis);
        b.contactPoints.addAll(contactPoints);
        b.applyOnlineUrl = applyOnlineUrl;
        b.appointmentUrl = appointmentUrl;
        return b;
    }

    /** @return the channels of all steps together: where the service can be used at all */
    public Set<Channel> channels() {
        Set<Channel> all = EnumSet.noneOf(Channel.class);
        for (Step step : steps) {
            all.addAll(step.channels());
        }
        return all;
    }

    /** Builds a {@link ServiceDefinition}. Not thread-safe. */
    public static final class Builder {
        private final String code;
        private final String agency;
        private @Nullable LocalizedText name;
        private @Nullable LocalizedText description;
        private Keywords keywords = Keywords.none();
        private @Nullable String category;
        private final List<String> lifeEvents = new ArrayList<>();
        private @Nullable LocalizedText whoMayApply;
        private final List<Step> steps = new ArrayList<>();
        private @Nullable ProcessingTime processingTime;
        private final List<LocalizedText> legalBasis = new ArrayList<>();
        private final List<ContactPoint> contactPoints = new ArrayList<>();
        private @Nullable String applyOnlineUrl;
        private @Nullable String appointmentUrl;

        private Builder(String code, String agency) {
            this.code = Objects.requireNonNull(code, "code");
            this.agency = Objects.requireNonNull(agency, "agency");
        }

        /**
         * @param value the name
         * @return this builder
         */
        public Builder name(LocalizedText value) {
            this.name = value;
            return this;
        }

        /**
         * @param value the description
         * @return this builder
         */
        public Builder description(LocalizedText value) {
            this.description = value;
            return this;
        }

        /**
         * @param value the keywords per language
         * @return this builder
         */
        public Builder keywords(Keywords value) {
            this.keywords = Objects.requireNonNull(value, "keywords");
            return this;
        }

        /**
         * @param value the category code
         * @return this builder
         */
        public Builder category(String value) {
            this.category = value;
            return this;
        }

        /**
         * @param value a life-event code to add
         * @return this builder
         */
        public Builder lifeEvent(String value) {
            lifeEvents.add(Objects.requireNonNull(value, "lifeEvent"));
            return this;
        }

        /**
         * @param value who may apply, or {@code null} for anyone
         * @return this builder
         */
        public Builder whoMayApply(@Nullable LocalizedText value) {
            this.whoMayApply = value;
            return this;
        }

        /**
         * @param value a step to add after the others
         * @return this builder
         */
        public Builder step(Step value) {
            steps.add(Objects.requireNonNull(value, "step"));
            return this;
        }

        /**
         * @param value the estimated processing time, or {@code null}
         * @return this builder
         */
        public Builder processingTime(@Nullable ProcessingTime value) {
            this.processingTime = value;
            return this;
        }

        /**
         * @param value a law or regulation to add
         * @return this builder
         */
        public Builder legalBasis(LocalizedText value) {
            legalBasis.add(Objects.requireNonNull(value, "legalBasis"));
            return this;
        }

        /**
         * @param value a contact point to add
         * @return this builder
         */
        public Builder contactPoint(ContactPoint value) {
            contactPoints.add(Objects.requireNonNull(value, "contactPoint"));
            return this;
        }

        /**
         * @param value the apply-online address, or {@code null}
         * @return this builder
         */
        public Builder applyOnlineUrl(@Nullable String value) {
            this.applyOnlineUrl = value;
            return this;
        }

        /**
         * @param value the appointment booking address, or {@code null}
         * @return this builder
         */
        public Builder appointmentUrl(@Nullable String value) {
            this.appointmentUrl = value;
            return this;
        }

        /**
         * @return the definition
         * @throws NullPointerException when name, description or category is missing
         */
        public ServiceDefinition build() {
            return new ServiceDefinition(code, agency, Objects.requireNonNull(name, "name"),
                    Objects.requireNonNull(description, "description"), keywords,
                    Objects.requireNonNull(category, "category"), lifeEvents, whoMayApply, steps, processingTime,
                    legalBasis, contactPoints, applyOnlineUrl, appointmentUrl);
        }
    }
}
