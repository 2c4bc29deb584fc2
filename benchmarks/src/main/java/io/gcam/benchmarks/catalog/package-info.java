/** Scenario runner for gcam-catalog search: the index against a naive scan. */
@NullMarked
package io.gcam.benchmarks.catalog;

import org.jspecify.annotations.NullMarked;
