/**
 * Compatibility kits for the SPIs of gcam-notification (outbox store, inbox store) and their
 * in-memory fakes.
 */
@NullMarked
package io.gcam.testkit.notification;

import org.jspecify.annotations.NullMarked;
