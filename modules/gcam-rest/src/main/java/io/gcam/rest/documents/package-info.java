/**
 * Jakarta REST resources for gcam-documents: multipart upload, metadata, content download and
 * document checklists under {@code /api/v1}. Needs gcam-documents and a multipart provider
 * (Jersey: jersey-media-multipart) on the class path; both are optional dependencies of gcam-rest.
 */
@NullMarked
package io.gcam.rest.documents;

import org.jspecify.annotations.NullMarked;
