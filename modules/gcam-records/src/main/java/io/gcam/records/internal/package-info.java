/** Implementation details of gcam-records; never used outside the module. */
@NullMarked
package io.gcam.records.internal;

import org.jspecify.annotations.NullMarked;
