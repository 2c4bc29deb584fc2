/**
 * Implementation details of gcam-catalog; never used outside the module.
 */
@NullMarked
package io.gcam.catalog.internal;

import org.jspecify.annotations.NullMarked;
