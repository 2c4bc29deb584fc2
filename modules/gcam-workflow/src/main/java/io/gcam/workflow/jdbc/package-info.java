/**
 * JDBC implementation of the application store (PostgreSQL and H2).
 */
@NullMarked
package io.gcam.workflow.jdbc;

import org.jspecify.annotations.NullMarked;
