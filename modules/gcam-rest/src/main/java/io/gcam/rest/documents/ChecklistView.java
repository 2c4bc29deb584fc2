package io.gcam.rest.documents;

import io.gcam.documents.DocumentChecklist;
import io.gcam.documents.DocumentRequirement;
import java.util.List;
import java.util.Locale;

/**
 * A document checklist in one language.
 *
 * @param applicationType the application type
 * @param requirements the requirements in display order
 */
public record ChecklistView(String applicationType, List<Item> requirements) {

    /**
     * @param checklist a checklist
     * @param locale the language of names and help texts
     * @return its view
     */
    public static ChecklistView of(DocumentChecklist checklist, Locale locale) {
        return new ChecklistView(checklist.applicationType(),
                checklist.requirements().stream().map(r -> Item.of(r, locale)).toList());
    }

    /**
     * One requirement.
     *
     * @param type the document type
     * @param name its localized name
     * @param help its localized help text
     * @param mediaTypes accepted media types
     * @param maxBytes largest accepted file
     * @param minCount fewest needed
     * @param maxCount most accepted
     * @param required whether at least one is needed
     * @param archivesAllowed whether ZIP archives are accepted
     */
    public record Item(String type, String name, String help, List<String> mediaTypes, long maxBytes, int minCount,
            int maxCount, boolean required, boolean archivesAllowed) {

        static Item of(DocumentRequirement r, Locale locale) {
            return new Item(r.type(), r.name().in(locale), r.help().in(locale),
                    r.allowedMediaTypes().stream().sorted().toList(), r.maxBytes(), r.minCount(), r.maxCount(),
                    r.required(), r.allowArchives());
        }
    }
}
