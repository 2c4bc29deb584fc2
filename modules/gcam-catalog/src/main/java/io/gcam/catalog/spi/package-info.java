/**
 * What an agency or the hosting application implements: the {@link io.gcam.catalog.spi.CatalogStore}
 * and the {@link io.gcam.catalog.spi.ServiceConnector} to an agency's backend.
 */
@NullMarked
package io.gcam.catalog.spi;

import org.jspecify.annotations.NullMarked;
