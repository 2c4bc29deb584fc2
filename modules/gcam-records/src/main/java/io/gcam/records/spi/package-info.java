/** Extension points an agency implements: record metadata storage, content storage and clearance. */
@NullMarked
package io.gcam.records.spi;

import org.jspecify.annotations.NullMarked;
