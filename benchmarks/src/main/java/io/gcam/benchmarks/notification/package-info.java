/** Scenario runners for gcam-notification. */
@NullMarked
package io.gcam.benchmarks.notification;

import org.jspecify.annotations.NullMarked;
