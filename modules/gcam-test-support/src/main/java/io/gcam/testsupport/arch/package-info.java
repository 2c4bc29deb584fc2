/**
 * Reusable ArchUnit rules for GCAM modules: {@code internal} packages stay inside their module and
 * out of public signatures, a module depends on no GCAM module but gcam-core, packages form no
 * cycles, logging goes through SLF4J only, and every package is {@code @NullMarked}.
 *
 * <p>A module applies them all by extending {@link io.gcam.testsupport.arch.GcamArchitectureTest} in
 * its tests; {@link io.gcam.testsupport.arch.GcamArchitectureRules} offers each rule on its own.
 */
@NullMarked
package io.gcam.testsupport.arch;

import org.jspecify.annotations.NullMarked;
