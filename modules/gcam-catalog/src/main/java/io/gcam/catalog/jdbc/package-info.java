/**
 * The JDBC {@link io.gcam.catalog.spi.CatalogStore} for PostgreSQL and H2.
 */
@NullMarked
package io.gcam.catalog.jdbc;

import org.jspecify.annotations.NullMarked;
