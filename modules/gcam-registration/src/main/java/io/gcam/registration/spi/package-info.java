/**
 * What an agency plugs into registration: where activities and registrations are stored
 * ({@link io.gcam.registration.spi.RegistrationStore}), where applicant facts come from
 * ({@link io.gcam.registration.spi.ApplicantFacts}) and its own eligibility rules
 * ({@link io.gcam.registration.spi.EligibilityRule}).
 */
@NullMarked
package io.gcam.registration.spi;

import org.jspecify.annotations.NullMarked;
