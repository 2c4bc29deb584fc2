/**
 * In-memory implementations of GCAM SPIs for tests and demos: thread-safe, fast, and holding
 * everything in one JVM (so they never prove anything about several application instances).
 */
@NullMarked
package io.gcam.testkit.memory;

import org.jspecify.annotations.NullMarked;
