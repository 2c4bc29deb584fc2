/**
 * The portal's wiring of gcam-appointment: the services on the portal's database, the REST resources
 * of gcam-rest, the seeded "interview / document verification" service point, and the pages: booking
 * calendar, kiosk screen, counter screen and display board.
 */
@NullMarked
package io.gcam.samples.portal.appointment;

import org.jspecify.annotations.NullMarked;
