/**
 * Implementation details of gcam-workflow; never used outside the module.
 */
@NullMarked
package io.gcam.workflow.internal;

import org.jspecify.annotations.NullMarked;
