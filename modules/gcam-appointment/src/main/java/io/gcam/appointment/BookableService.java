package io.gcam.appointment;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored bookable service.
 *
 * @param id its identifier
 * @param agency the agency of its service point
 * @param definition what it is
 * @param createdAt when it was created
 */
public record BookableService(BookableServiceId id, String agency, BookableServiceDefinition definition,
        Instant createdAt) {

    /** Checks that nothing is missing. */
    public BookableService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return the service point it is offered at */
    public ServicePointId servicePointId() {
        return definition.servicePointId();
    }
}
