/**
 * Notifications: trilingual templates, recipients, the send request, status queries and the delivery worker.
 */
@NullMarked
package io.gcam.notification;

import org.jspecify.annotations.NullMarked;
