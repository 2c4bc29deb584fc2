/**
 * Real databases for tests: an embedded PostgreSQL server (no Docker) shared by the whole test JVM,
 * with a fresh database per caller, and private in-memory H2 databases.
 */
@NullMarked
package io.gcam.testsupport.db;

import org.jspecify.annotations.NullMarked;
