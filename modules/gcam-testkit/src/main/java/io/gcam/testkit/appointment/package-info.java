/**
 * Test support for gcam-appointment: in-memory {@code AppointmentStore} and {@code QueueStore}, and
 * the compatibility kits every implementation of them must pass.
 */
@NullMarked
package io.gcam.testkit.appointment;

import org.jspecify.annotations.NullMarked;
