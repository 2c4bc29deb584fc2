/**
 * The JDBC {@link io.gcam.registration.spi.RegistrationStore} for PostgreSQL and H2.
 */
@NullMarked
package io.gcam.registration.jdbc;

import org.jspecify.annotations.NullMarked;
