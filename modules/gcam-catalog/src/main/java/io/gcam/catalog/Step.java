package io.gcam.catalog;

import io.gcam.core.LocalizedText;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One step of a service, as the citizen carries it out.
 *
 * @param title what the citizen does, e.g. "Submit the application"
 * @param description more detail, or {@code null}
 * @param requiredDocuments requirement codes of the documents the step needs (the codes of the
 *     agency's document checklist, e.g. {@code ID_CARD}), in display order
 * @param fees the fees charged at this step
 * @param channels where the step can be carried out, at least one; iterated in the order of {@link Channel}
 */
public record Step(LocalizedText title, @Nullable LocalizedText description, List<String> requiredDocuments,
        List<Fee> fees, Set<Channel> channels) {

    /** Copies the lists (a missing one, from JSON, is empty) and checks the required fields. */
    public Step {
        Objects.requireNonNull(title, "title");
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
        fees = fees == null ? List.of() : List.copyOf(fees);
        channels = channels == null || channels.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(channels));
    }
}
