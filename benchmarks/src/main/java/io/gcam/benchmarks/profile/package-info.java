/** Benchmarks of gcam-profile: saving and loading an encrypted, versioned profile. */
@NullMarked
package io.gcam.benchmarks.profile;

import org.jspecify.annotations.NullMarked;
