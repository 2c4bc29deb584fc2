/**
 * gcam-appointment benchmarks: availability of 20 services over 90 days (H2 in memory) and bookings
 * (reserve then confirm) from 32 threads on embedded PostgreSQL, each against a bare-JDBC baseline.
 */
@NullMarked
package io.gcam.benchmarks.appointment;

import org.jspecify.annotations.NullMarked;
