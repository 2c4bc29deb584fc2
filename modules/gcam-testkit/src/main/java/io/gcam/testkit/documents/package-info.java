/**
 * Compatibility kits for the SPIs of gcam-documents ({@code BlobStore}, {@code DocumentStore}) and
 * in-memory fakes that pass them. Needs gcam-documents on the class path (an optional dependency of
 * gcam-testkit).
 */
@NullMarked
package io.gcam.testkit.documents;

import org.jspecify.annotations.NullMarked;
