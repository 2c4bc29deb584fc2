/**
 * The Jakarta REST layer of GCAM, portable across runtimes (Jersey, RESTEasy, Open Liberty):
 * {@link io.gcam.rest.GcamRestFeature} registers problem+json error mapping localized by
 * {@code Accept-Language}, actor resolution, {@code Idempotency-Key} support and GCAM's Jackson
 * configuration in one call.
 *
 * <p>Everything in this package is public API. Types in {@code io.gcam.rest.internal} are not.
 */
@NullMarked
package io.gcam.rest;

import org.jspecify.annotations.NullMarked;
