/** The JDBC {@link io.gcam.profile.spi.ProfileStore} (PostgreSQL and H2; migration {@code profile}). */
@NullMarked
package io.gcam.profile.jdbc;

import org.jspecify.annotations.NullMarked;
