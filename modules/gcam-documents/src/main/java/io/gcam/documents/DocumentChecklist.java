package io.gcam.documents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The documents an application type asks for, in display order.
 *
 * @param applicationType the application type, e.g. {@code recruitment}
 * @param requirements one requirement per document type, types unique
 */
public record DocumentChecklist(String applicationType, List<DocumentRequirement> requirements) {

    /** Checks that the document types are unique. */
    public DocumentChecklist {
        Objects.requireNonNull(applicationType, "applicationType");
        requirements = List.copyOf(requirements);
        Set<String> seen = new HashSet<>();
        for (DocumentRequirement r : requirements) {
            if (!seen.add(r.type())) {
                throw new IllegalArgumentException("document type " + r.type() + " appears twice in " + applicationType);
            }
        }
    }

    /**
     * @param applicationType the application type
     * @param requirements the requirements in display order
     * @return the checklist
     */
    public static DocumentChecklist of(String applicationType, DocumentRequirement... requirements) {
        return new DocumentChecklist(applicationType, List.of(requirements));
    }

    /**
     * @param type a document type
     * @return its requirement, if the checklist has it
     */
    public Optional<DocumentRequirement> requirement(String type) {
        return requirements.stream().filter(r -> r.type().equals(type)).findFirst();
    }

    /**
     * Compares documents against this checklist.
     *
     * @param documents the owner's documents
     * @return what is missing
     */
    public Completeness check(List<Document> documents) {
        List<Completeness.Item> items = new ArrayList<>();
        for (DocumentRequirement r : requirements) {
            int count = (int) documents.stream().filter(d -> d.type().equals(r.type())).count();
            items.add(new Completeness.Item(r.type(), r.required(), r.minCount(), count));
        }
        return new Completeness(applicationType, items);
    }
}
