/**
 * Extension points of gcam-core that an agency may implement: stores, key providers, event
 * publishers and the transaction runner. Each has a default that works out of the box; the
 * compatibility kits in gcam-testkit check an agency's own implementation.
 */
@NullMarked
package io.gcam.core.spi;

import org.jspecify.annotations.NullMarked;
