/**
 * Jakarta REST resources of gcam-workflow under {@code /api/v1}: applications, actions, history,
 * the staff inbox and status inquiries without login.
 */
@NullMarked
package io.gcam.rest.workflow;

import org.jspecify.annotations.NullMarked;
