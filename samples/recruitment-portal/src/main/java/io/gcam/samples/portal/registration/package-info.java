/**
 * The portal's wiring of gcam-registration: the service on the portal's database, the REST
 * resources of gcam-rest, demo applicant facts and the seeded "Unified recruitment exam".
 */
@NullMarked
package io.gcam.samples.portal.registration;

import org.jspecify.annotations.NullMarked;
