/**
 * The compatibility kit of gcam-workflow's {@code ApplicationStore} SPI and its in-memory fake.
 */
@NullMarked
package io.gcam.testkit.workflow;

import org.jspecify.annotations.NullMarked;
