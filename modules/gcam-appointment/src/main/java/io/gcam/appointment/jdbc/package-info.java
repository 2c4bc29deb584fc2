/**
 * JDBC stores of gcam-appointment for PostgreSQL and H2. Create their tables with
 * {@code Migrations.migrate(dataSource, "appointment")}.
 */
@NullMarked
package io.gcam.appointment.jdbc;

import org.jspecify.annotations.NullMarked;
