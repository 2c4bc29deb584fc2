/**
 * Checks for GCAM message bundles: every error code of a module has a message in English,
 * Traditional Chinese and Portuguese, and the translations take the same arguments as English.
 */
@NullMarked
package io.gcam.testsupport.i18n;

import org.jspecify.annotations.NullMarked;
