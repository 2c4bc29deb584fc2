/** Extension points an agency implements: blob storage, document metadata storage and malware scanning. */
@NullMarked
package io.gcam.documents.spi;

import org.jspecify.annotations.NullMarked;
