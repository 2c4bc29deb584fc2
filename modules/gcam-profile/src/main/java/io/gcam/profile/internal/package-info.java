/** Implementation details of gcam-profile; never used outside this module. */
@NullMarked
package io.gcam.profile.internal;

import org.jspecify.annotations.NullMarked;
