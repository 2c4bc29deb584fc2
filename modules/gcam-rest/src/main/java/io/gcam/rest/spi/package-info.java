/**
 * Extension points of gcam-rest that an application implements, chiefly
 * {@link io.gcam.rest.spi.ActorResolver}: how a request's credentials become an
 * {@link io.gcam.core.Actor}.
 */
@NullMarked
package io.gcam.rest.spi;

import org.jspecify.annotations.NullMarked;
