/** The document part of the sample portal: wiring, the recruitment checklist and the upload page. */
@NullMarked
package io.gcam.samples.portal.documents;

import org.jspecify.annotations.NullMarked;
