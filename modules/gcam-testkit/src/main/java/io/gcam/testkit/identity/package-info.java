/**
 * Compatibility kits for the gcam-identity SPIs ({@code OneTimeCodeStore}, {@code UsedTimeStepStore},
 * {@code VerificationStore}) and their in-memory fakes. Needs gcam-identity on the test classpath.
 */
@NullMarked
package io.gcam.testkit.identity;

import org.jspecify.annotations.NullMarked;
