/**
 * The shared foundation of every GCAM module: who acts ({@link io.gcam.core.Actor}), coded
 * errors with messages in English, Traditional Chinese and Portuguese
 * ({@link io.gcam.core.GcamException}), localized text, paging and typed identifiers.
 *
 * <p>Everything in this package is public API. Types in packages named {@code internal} are not.
 */
@NullMarked
package io.gcam.core;

import org.jspecify.annotations.NullMarked;
