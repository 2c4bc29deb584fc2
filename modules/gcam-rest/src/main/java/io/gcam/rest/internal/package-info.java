/** Implementation details of gcam-rest. Not API: may change in any release. */
@NullMarked
package io.gcam.rest.internal;

import org.jspecify.annotations.NullMarked;
