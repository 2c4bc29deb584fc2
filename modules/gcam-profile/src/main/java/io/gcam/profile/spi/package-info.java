/**
 * What an agency implements to keep profiles in its own storage: {@link io.gcam.profile.spi.ProfileStore}.
 * Stores only ever see ciphertext for personal data. The compatibility kit is
 * {@code io.gcam.testkit.profile.ProfileStoreCompatibilityKit}.
 */
@NullMarked
package io.gcam.profile.spi;

import org.jspecify.annotations.NullMarked;
