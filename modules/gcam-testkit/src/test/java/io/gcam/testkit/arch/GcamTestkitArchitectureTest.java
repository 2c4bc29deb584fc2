package io.gcam.testkit.arch;

import io.gcam.testsupport.arch.GcamArchitectureRules;
import io.gcam.testsupport.arch.GcamArchitectureTest;
import java.util.Set;

/** gcam-testkit obeys the GCAM architecture rules; it serves every module, so it may use them all. */
class GcamTestkitArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.testkit";
    }

    @Override
    protected Set<String> alsoAllowedGcamModules() {
        return Set.of(GcamArchitectureRules.GCAM_PACKAGE);
    }
}
