/** Scenario runner for gcam-documents intake throughput. */
@NullMarked
package io.gcam.benchmarks.documents;

import org.jspecify.annotations.NullMarked;
