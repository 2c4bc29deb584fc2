/**
 * Jakarta REST resources for gcam-profile: the applicant's own profile, its history and consents
 * under {@code /api/v1/me}. Needs gcam-profile and gcam-identity on the class path (optional
 * dependencies of gcam-rest).
 */
@NullMarked
package io.gcam.rest.profile;

import org.jspecify.annotations.NullMarked;
