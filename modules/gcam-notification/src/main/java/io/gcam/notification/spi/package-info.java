/**
 * What an agency implements or plugs in: stores, channels, recipient directory, attachment resolver.
 */
@NullMarked
package io.gcam.notification.spi;

import org.jspecify.annotations.NullMarked;
