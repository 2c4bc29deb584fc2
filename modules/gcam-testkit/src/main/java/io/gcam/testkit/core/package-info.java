/**
 * Compatibility kits for the SPIs of gcam-core: abstract JUnit 5 classes that an implementation's
 * test extends, supplying the implementation through a factory method.
 */
@NullMarked
package io.gcam.testkit.core;

import org.jspecify.annotations.NullMarked;
