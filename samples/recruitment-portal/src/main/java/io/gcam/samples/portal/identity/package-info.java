/** Sign-in to the portal with gcam-identity: one-time codes by email and OpenID Connect ID tokens. */
@NullMarked
package io.gcam.samples.portal.identity;

import org.jspecify.annotations.NullMarked;
