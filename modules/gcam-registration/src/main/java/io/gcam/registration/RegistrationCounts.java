package io.gcam.registration;

/**
 * How many registrations an activity (or one of its sessions) has, by status.
 *
 * @param confirmed confirmed registrations
 * @param waitlisted waitlisted registrations
 * @param cancelled cancelled registrations
 */
public record RegistrationCounts(long confirmed, long waitlisted, long cancelled) {

    /** @return all registrations, whatever their status */
    public long total() {
        return confirmed + waitlisted + cancelled;
    }
}
