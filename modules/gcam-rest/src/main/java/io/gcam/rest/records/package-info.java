/**
 * Jakarta REST resources of gcam-records under {@code /api/v1}: record search and detail, the chain
 * of custody and its verification, transfers and their acknowledgement.
 */
@NullMarked
package io.gcam.rest.records;

import org.jspecify.annotations.NullMarked;
