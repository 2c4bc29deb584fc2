/**
 * The recruitment portal sample: a runnable Jersey application on an embedded Grizzly server,
 * wired by hand from GCAM modules. Start it with {@link io.gcam.samples.portal.PortalApp}.
 */
@NullMarked
package io.gcam.samples.portal;

import org.jspecify.annotations.NullMarked;
