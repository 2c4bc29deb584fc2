/** Implementation details of gcam-identity; not API. */
@NullMarked
package io.gcam.identity.internal;

import org.jspecify.annotations.NullMarked;
