/**
 * The single window: a catalogue of every agency's e-services with trilingual search, a draft &rarr;
 * published &rarr; retired lifecycle with versions, filing applications with the owning agency through
 * connectors, one list of a citizen's applications across agencies, and monthly performance figures.
 * Start with {@link io.gcam.catalog.CatalogService} and {@link io.gcam.catalog.SingleWindow}.
 */
@NullMarked
package io.gcam.catalog;

import org.jspecify.annotations.NullMarked;
