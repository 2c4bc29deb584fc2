/**
 * JMH benchmarks of gcam-core's JDBC-backed operations (audit append, reference numbers), each
 * with a plain-JDBC baseline of comparable work on the same database.
 */
@NullMarked
package io.gcam.benchmarks.core;

import org.jspecify.annotations.NullMarked;
