/**
 * The portal's notifications: gcam-notification wired to the portal's database, an embedded
 * GreenMail mailbox in demo mode or real SMTP in production mode, and the REST resources.
 */
@NullMarked
package io.gcam.samples.portal.notification;

import org.jspecify.annotations.NullMarked;
