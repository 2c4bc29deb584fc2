package io.gcam.appointment;

import io.gcam.core.TypedId;

/**
 * Identifies one queue ticket.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record TicketId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code ticketId} when the
     *     value is not a UUID
     */
    public TicketId {
        value = TypedId.requireValid(value, "ticketId");
    }

    @Override
    public String toString() {
        return value;
    }
}
