/**
 * Jakarta REST resources for gcam-identity: the caller's current verification under
 * {@code /api/v1/me/identity}. Needs gcam-identity on the class path (an optional dependency of
 * gcam-rest).
 */
@NullMarked
package io.gcam.rest.identity;

import org.jspecify.annotations.NullMarked;
