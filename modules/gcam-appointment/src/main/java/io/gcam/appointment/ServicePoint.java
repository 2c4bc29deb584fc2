package io.gcam.appointment;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored service point.
 *
 * @param id its identifier
 * @param definition what it is
 * @param createdAt when it was created
 */
public record ServicePoint(ServicePointId id, ServicePointDefinition definition, Instant createdAt) {

    /** Checks that nothing is missing. */
    public ServicePoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return the agency that runs it */
    public String agency() {
        return definition.agency();
    }
}
