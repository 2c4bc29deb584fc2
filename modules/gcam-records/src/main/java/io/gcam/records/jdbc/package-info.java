/** The JDBC {@link io.gcam.records.spi.RecordStore} for PostgreSQL and H2. */
@NullMarked
package io.gcam.records.jdbc;

import org.jspecify.annotations.NullMarked;
