package io.gcam.appointment;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a waiting ticket is expected to wait.
 *
 * @param ticket the ticket
 * @param ahead how many waiting tickets are ahead of it
 * @param averageServiceTime the mean service time of recent tickets of its service (the slot length
 *     when none was served yet)
 * @param estimatedWait {@code averageServiceTime x ceil(ahead / counters)}; zero when nobody is ahead
 */
public record WaitEstimate(Ticket ticket, int ahead, Duration averageServiceTime, Duration estimatedWait) {

    /** Checks that nothing is missing. */
    public WaitEstimate {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(averageServiceTime, "averageServiceTime");
        Objects.requireNonNull(estimatedWait, "estimatedWait");
    }
}
