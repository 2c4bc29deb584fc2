/**
 * Jakarta REST resources and DTOs for gcam-catalog under {@code /api/v1}: the public catalogue
 * search, the editors' lifecycle endpoints, applying through the single window and the citizen's
 * applications across agencies. Register {@link io.gcam.rest.catalog.CatalogResources#create}
 * together with {@link io.gcam.rest.GcamRestFeature}.
 */
@NullMarked
package io.gcam.rest.catalog;

import org.jspecify.annotations.NullMarked;
