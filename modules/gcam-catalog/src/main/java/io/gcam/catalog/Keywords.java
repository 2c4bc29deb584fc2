package io.gcam.catalog;

import java.util.List;

/**
 * Extra search words for a service in each language (synonyms, abbreviations, older names).
 *
 * @param en English keywords
 * @param zhHant Traditional Chinese keywords
 * @param pt Portuguese keywords
 */
public record Keywords(List<String> en, List<String> zhHant, List<String> pt) {

    /** Copies the lists; a missing list (from JSON) is empty. */
    public Keywords {
        en = en == null ? List.of() : List.copyOf(en);
        zhHant = zhHant == null ? List.of() : List.copyOf(zhHant);
        pt = pt == null ? List.of() : List.copyOf(pt);
    }

    /** @return no keywords in any language */
    public static Keywords none() {
        return new Keywords(List.of(), List.of(), List.of());
    }

    /**
     * @param en English keywords
     * @param zhHant Traditional Chinese keywords
     * @param pt Portuguese keywords
     * @return the keywords
     */
    public static Keywords of(List<String> en, List<String> zhHant, List<String> pt) {
        return new Keywords(en, zhHant, pt);
    }
}
