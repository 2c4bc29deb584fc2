/**
 * JDBC implementations of the identity stores: portable SQL tested on PostgreSQL and H2, tables
 * created by {@code Migrations.migrate(dataSource, "identity")}. They take a connection from the
 * data source per operation, so a transaction-aware data source makes them join the caller's
 * transaction.
 */
@NullMarked
package io.gcam.identity.jdbc;

import org.jspecify.annotations.NullMarked;
