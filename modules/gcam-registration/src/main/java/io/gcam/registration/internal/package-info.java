/**
 * Implementation details of gcam-registration; not API, may change at any time.
 */
@NullMarked
package io.gcam.registration.internal;

import org.jspecify.annotations.NullMarked;
