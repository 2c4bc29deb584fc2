/**
 * What an agency may implement for gcam-appointment: the {@link io.gcam.appointment.spi.AppointmentStore}
 * and the {@link io.gcam.appointment.spi.QueueStore}. The JDBC implementations are in
 * {@code io.gcam.appointment.jdbc}; in-memory ones and compatibility kits are in gcam-testkit.
 */
@NullMarked
package io.gcam.appointment.spi;

import org.jspecify.annotations.NullMarked;
