/**
 * The in-memory {@link io.gcam.catalog.spi.CatalogStore} and the compatibility kit every catalogue
 * store must pass.
 */
@NullMarked
package io.gcam.testkit.catalog;

import org.jspecify.annotations.NullMarked;
