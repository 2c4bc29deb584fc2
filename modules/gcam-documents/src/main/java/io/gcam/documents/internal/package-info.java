/** Implementation details of gcam-documents; never used outside this module. */
@NullMarked
package io.gcam.documents.internal;

import org.jspecify.annotations.NullMarked;
