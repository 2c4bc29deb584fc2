/**
 * Scenario runners that run the JMH benchmarks and print each GCAM operation's throughput next to
 * a baseline measured in the same run. Not shipped.
 */
@NullMarked
package io.gcam.benchmarks;

import org.jspecify.annotations.NullMarked;
