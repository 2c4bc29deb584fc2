package io.gcam.rest;

import io.gcam.testsupport.arch.GcamArchitectureRules;
import io.gcam.testsupport.arch.GcamArchitectureTest;
import java.util.Set;

/** gcam-rest obeys the GCAM architecture rules; it serves every module, so it may use them all. */
class RestArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.rest";
    }

    @Override
    protected Set<String> alsoAllowedGcamModules() {
        return Set.of(GcamArchitectureRules.GCAM_PACKAGE);
    }
}
