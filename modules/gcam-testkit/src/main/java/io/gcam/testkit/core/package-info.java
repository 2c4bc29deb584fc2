/**
 * Compatibility kits for gcam-core's SPIs: abstract JUnit 5 classes that an implementation's test
 * extends, supplying a fresh store, to prove it keeps the guarantees gcam-core relies on.
 */
@NullMarked
package io.gcam.testkit.core;

import org.jspecify.annotations.NullMarked;
