/**
 * In-memory fakes of GCAM SPIs for fast tests: no database, no network, inspectable state.
 */
@NullMarked
package io.gcam.testkit.memory;

import org.jspecify.annotations.NullMarked;
