/**
 * Registration for examinations and activities: activities with sessions and capacity, registration
 * windows, eligibility, waitlist, cancellation, session change and staff views. Start with
 * {@link io.gcam.registration.RegistrationService}.
 */
@NullMarked
package io.gcam.registration;

import org.jspecify.annotations.NullMarked;
