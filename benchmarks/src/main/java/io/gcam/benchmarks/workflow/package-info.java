/**
 * gcam-workflow against the Flowable 7 BPMN engine: {@link io.gcam.benchmarks.workflow.WorkflowBenchmark}.
 */
@NullMarked
package io.gcam.benchmarks.workflow;

import org.jspecify.annotations.NullMarked;
