/**
 * Implementation details; not API.
 */
@NullMarked
package io.gcam.notification.internal;

import org.jspecify.annotations.NullMarked;
