package io.gcam.documents;

import java.util.List;

/**
 * How far an owner's documents satisfy a checklist.
 *
 * @param applicationType the application type of the checklist
 * @param items one item per requirement, in checklist order
 */
public record Completeness(String applicationType, List<Item> items) {

    /** Copies the items. */
    public Completeness {
        items = List.copyOf(items);
    }

    /** @return whether every required document is present in the required number */
    public boolean complete() {
        return items.stream().allMatch(Item::satisfied);
    }

    /** @return the document types still missing, in checklist order */
    public List<String> missing() {
        return items.stream().filter(i -> !i.satisfied()).map(Item::type).toList();
    }

    /**
     * One checklist line.
     *
     * @param type the document type
     * @param required whether at least one is needed
     * @param minCount how many are needed
     * @param present how many the owner has
     */
    public record Item(String type, boolean required, int minCount, int present) {

        /** @return whether enough documents of this type are present */
        public boolean satisfied() {
            return present >= minCount;
        }
    }
}
