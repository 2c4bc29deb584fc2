/** The records part of the sample portal: wiring, a content store over gcam-documents and demo data. */
@NullMarked
package io.gcam.samples.portal.records;

import org.jspecify.annotations.NullMarked;
