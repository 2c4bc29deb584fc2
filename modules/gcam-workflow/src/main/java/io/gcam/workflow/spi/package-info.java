/**
 * Extension points of gcam-workflow: the application store and transition guards.
 */
@NullMarked
package io.gcam.workflow.spi;

import org.jspecify.annotations.NullMarked;
