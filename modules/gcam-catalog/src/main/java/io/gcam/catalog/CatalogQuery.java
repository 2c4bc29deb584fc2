package io.gcam.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What a citizen searches the catalogue for: words in any of the three languages and optional
 * filters. Every part is optional; an empty query lists the whole public catalogue.
 *
 * <pre>{@code
 * CatalogQuery query = CatalogQuery.builder().text("招聘").agency("SAFP").channel(Channel.ONLINE).build();
 * Page<ServiceEntry> hits = catalog.search(query, PageRequest.first());
 * }</pre>
 *
 * @param text words to find, or {@code null}; every word must match (a word of three or more letters
 *     also matches longer words starting with it; Chinese text matches as a character sequence)
 * @param agency only services of this agency, or {@code null}
 * @param category only services in this category, or {@code null}
 * @param channel only services with a step on this channel, or {@code null}
 * @param lifeEvent only services of this life event, or {@code null}
 */
public record CatalogQuery(@Nullable String text, @Nullable String agency, @Nullable String category,
        @Nullable Channel channel, @Nullable String lifeEvent) {

    /** Longest accepted query text, in characters. */
    public static final int MAX_TEXT_LENGTH = 200;

    /** Treats blank values as absent. */
    public CatalogQuery {
        text = blankToNull(text);
        agency = blankToNull(agency);
        category = blankToNull(category);
        lifeEvent = blankToNull(lifeEvent);
    }

    /** @return a query that matches every public service */
    public static CatalogQuery all() {
        return new CatalogQuery(null, null, null, null, null);
    }

    /**
     * @param text words to find
     * @return a query for those words, without filters
     */
    public static CatalogQuery text(@Nullable String text) {
        return new CatalogQuery(text, null, null, null, null);
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Builds a {@link CatalogQuery}. */
    public static final class Builder {
        private @Nullable String text;
        private @Nullable String agency;
        private @Nullable String category;
        private @Nullable Channel channel;
        private @Nullable String lifeEvent;

        private Builder() {
        }

        /**
         * @param value words to find, or {@code null}
         * @return this builder
         */
        public Builder text(@Nullable String value) {
            this.text = value;
            return this;
        }

        /**
         * @param value an agency code, or {@code null}
         * @return this builder
         */
        public Builder agency(@Nullable String value) {
            this.agency = value;
            return this;
        }

        /**
         * @param value a category code, or {@code null}
         * @return this builder
         */
        public Builder category(@Nullable String value) {
            this.category = value;
            return this;
        }

        /**
         * @param value a channel, or {@code null}
         * @return this builder
         */
        public Builder channel(@Nullable Channel value) {
            this.channel = value;
            return this;
        }

        /**
         * @param value a life-event code, or {@code null}
         * @return this builder
         */
        public Builder lifeEvent(@Nullable String value) {
            this.lifeEvent = value;
            return this;
        }

        /** @return the query */
        public CatalogQuery build() {
            return new CatalogQuery(text, agency, category, channel, lifeEvent);
        }
    }
}
