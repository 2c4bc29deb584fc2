/**
 * Jakarta REST resources and DTOs for gcam-appointment under {@code /api/v1}: bookable services and
 * their slots, reserving, confirming, rescheduling and cancelling appointments (by login or by
 * manage code), iCalendar files, kiosk check-in and tickets, call-next at a counter and the display
 * board. Register {@link io.gcam.rest.appointment.AppointmentResources#create} together with
 * {@link io.gcam.rest.GcamRestFeature}.
 */
@NullMarked
package io.gcam.rest.appointment;

import org.jspecify.annotations.NullMarked;
