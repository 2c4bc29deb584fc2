/**
 * The registration scenario of issue 6: registrations through the service against a bare-JDBC
 * conditional-update baseline, on embedded PostgreSQL.
 */
@NullMarked
package io.gcam.benchmarks.registration;

import org.jspecify.annotations.NullMarked;
