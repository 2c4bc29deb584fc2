/**
 * Personal profiles of applicants: {@link io.gcam.profile.ProfileService} creates a profile from a
 * verified identity (verified attributes locked), keeps every version's who/when/what, computes
 * completeness, records purpose-specific consents, attaches frozen snapshots to applications,
 * exports and erases. Personal data is encrypted at rest and masked in {@code toString()} and logs.
 */
@NullMarked
package io.gcam.profile;

import org.jspecify.annotations.NullMarked;
