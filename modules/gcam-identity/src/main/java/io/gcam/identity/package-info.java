/**
 * Identity verification: who the applicant is, and how sure the agency may be of it.
 *
 * <p>A {@link io.gcam.identity.VerifiedIdentity} records one successful verification with its
 * {@link io.gcam.identity.AssuranceLevel} (eIDAS LOW, SUBSTANTIAL, HIGH) and verified attributes;
 * {@link io.gcam.identity.AssuranceLevels#require} refuses a lower level with
 * {@code INSUFFICIENT_ASSURANCE}. Built-in verifiers check one-time codes
 * ({@link io.gcam.identity.OneTimeCodeService}), TOTP/HOTP second factors
 * ({@link io.gcam.identity.Totp}) and OpenID Connect ID tokens
 * ({@link io.gcam.identity.OidcIdTokenVerifier}); {@link io.gcam.identity.IdentityDocuments}
 * validates identity-document numbers with their published rules.
 *
 * <p>No type of this package shows personal data in {@code toString()}, in exception messages or in
 * log lines: values are masked.
 */
@NullMarked
package io.gcam.identity;

import org.jspecify.annotations.NullMarked;
