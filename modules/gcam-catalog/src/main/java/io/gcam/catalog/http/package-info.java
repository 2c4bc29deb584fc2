/**
 * A {@link io.gcam.catalog.spi.ServiceConnector} to an agency backend that speaks JSON over HTTP.
 */
@NullMarked
package io.gcam.catalog.http;

import org.jspecify.annotations.NullMarked;
