/**
 * Test support for gcam-registration: the in-memory {@code RegistrationStore} and the compatibility
 * kit every {@code RegistrationStore} must pass.
 */
@NullMarked
package io.gcam.testkit.registration;

import org.jspecify.annotations.NullMarked;
