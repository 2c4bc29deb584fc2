/** Document checklists per application type, streaming intake with content checks, and authorized, audited access to stored documents. */
@NullMarked
package io.gcam.documents;

import org.jspecify.annotations.NullMarked;
