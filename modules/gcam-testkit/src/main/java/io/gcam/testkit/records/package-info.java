/**
 * Test support for gcam-records: in-memory record and content stores, and the compatibility kit an
 * agency's own {@link io.gcam.records.spi.RecordStore} must pass.
 */
@NullMarked
package io.gcam.testkit.records;

import org.jspecify.annotations.NullMarked;
