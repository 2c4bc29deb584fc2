/**
 * Jakarta REST resources and DTOs for gcam-registration under {@code /api/v1}: activities,
 * registering (with {@code Idempotency-Key}), the applicant's own registrations, cancellation, and the
 * staff views with CSV export. Register {@link io.gcam.rest.registration.RegistrationResources#create}
 * together with {@link io.gcam.rest.GcamRestFeature}.
 */
@NullMarked
package io.gcam.rest.registration;

import org.jspecify.annotations.NullMarked;
