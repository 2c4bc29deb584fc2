/** The portal's wiring of gcam-workflow: the recruitment application type and its REST API. */
@NullMarked
package io.gcam.samples.portal.workflow;

import org.jspecify.annotations.NullMarked;
