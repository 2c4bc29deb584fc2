/**
 * JDBC support shared by every GCAM module: local transactions, per-module schema migrations,
 * and the JDBC stores of gcam-core (sequences, audit trail, idempotency). All SQL is portable and
 * tested on PostgreSQL and H2.
 */
@NullMarked
package io.gcam.core.jdbc;

import org.jspecify.annotations.NullMarked;
