/** gcam-profile in the portal: the applicant's profile API and page. */
@NullMarked
package io.gcam.samples.portal.profile;

import org.jspecify.annotations.NullMarked;
