/** Benchmarks of gcam-records: appending to and verifying a record's chain of custody. */
@NullMarked
package io.gcam.benchmarks.records;

import org.jspecify.annotations.NullMarked;
