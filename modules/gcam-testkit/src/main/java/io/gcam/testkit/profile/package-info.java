/**
 * The compatibility kit for gcam-profile's {@code ProfileStore} and its in-memory fake. Needs
 * gcam-profile on the test classpath.
 */
@NullMarked
package io.gcam.testkit.profile;

import org.jspecify.annotations.NullMarked;
