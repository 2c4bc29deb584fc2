/** Benchmarks of gcam-identity: ID-token verification with a cached JWKS. */
@NullMarked
package io.gcam.benchmarks.identity;

import org.jspecify.annotations.NullMarked;
