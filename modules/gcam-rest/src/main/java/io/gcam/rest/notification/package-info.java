/**
 * Jakarta REST resources for gcam-notification under {@code /api/v1}: notifications by reference
 * for staff, a notification's status, retrying a failed one, template preview, and the applicant's
 * in-app inbox. Needs gcam-notification on the class path (an optional dependency of gcam-rest).
 */
@NullMarked
package io.gcam.rest.notification;

import org.jspecify.annotations.NullMarked;
