/**
 * Compatibility kits for gcam-core's cryptographic SPIs ({@link io.gcam.core.spi.KeyProvider}).
 */
@NullMarked
package io.gcam.testkit.crypto;

import org.jspecify.annotations.NullMarked;
