/**
 * Appointments at service points: opening hours, breaks, closures and public holidays, slots with
 * capacity, booking with expiring holds, confirmation, rescheduling and cancellation by manage code,
 * iCalendar files; and the queue at the counter: kiosk check-in, walk-in tickets, call-next, display
 * boards and waiting estimates. Start with {@link io.gcam.appointment.AppointmentService} and
 * {@link io.gcam.appointment.QueueService}.
 */
@NullMarked
package io.gcam.appointment;

import org.jspecify.annotations.NullMarked;
