package io.gcam.identity;

import io.gcam.testsupport.arch.GcamArchitectureTest;

class IdentityArchitectureTest extends GcamArchitectureTest {
    @Override
    protected String rootPackage() {
        return "io.gcam.identity";
    }
}
