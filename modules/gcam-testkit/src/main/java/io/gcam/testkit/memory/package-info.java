/**
 * In-memory fakes of GCAM's SPIs, for tests and demos: no database, no network, inspectable state.
 * They keep everything in one JVM, take part in no transaction and are thread-safe; each passes the
 * compatibility kit of its SPI.
 */
@NullMarked
package io.gcam.testkit.memory;

import org.jspecify.annotations.NullMarked;
