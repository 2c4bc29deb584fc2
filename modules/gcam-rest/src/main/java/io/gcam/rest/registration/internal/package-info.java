/** Implementation details of gcam-rest's registration resources. Not API: may change in any release. */
@NullMarked
package io.gcam.rest.registration.internal;

import org.jspecify.annotations.NullMarked;
