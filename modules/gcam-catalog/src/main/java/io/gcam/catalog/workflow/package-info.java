/**
 * The local {@link io.gcam.catalog.spi.ServiceConnector} for a GCAM workflow in the same application.
 * The only package of gcam-catalog that uses gcam-workflow (an optional dependency).
 */
@NullMarked
package io.gcam.catalog.workflow;

import org.jspecify.annotations.NullMarked;
