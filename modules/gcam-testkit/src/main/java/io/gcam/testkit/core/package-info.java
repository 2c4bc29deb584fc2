/**
 * Compatibility kits for gcam-core's SPIs: abstract JUnit 5 classes that an implementation's test
 * extends, supplying the implementation through a factory method, to prove it keeps the guarantees
 * gcam-core relies on.
 */
@NullMarked
package io.gcam.testkit.core;

import org.jspecify.annotations.NullMarked;
