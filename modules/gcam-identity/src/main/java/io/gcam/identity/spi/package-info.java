/** What agencies implement or replace: the stores and channels the identity services use. */
@NullMarked
package io.gcam.identity.spi;

import org.jspecify.annotations.NullMarked;
