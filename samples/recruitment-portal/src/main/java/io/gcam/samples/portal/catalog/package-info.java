/** The portal's wiring of gcam-catalog: the single window over two demo agencies and its REST API. */
@NullMarked
package io.gcam.samples.portal.catalog;

import org.jspecify.annotations.NullMarked;
