package io.gcam.registration;

import io.gcam.testsupport.arch.GcamArchitectureTest;

class RegistrationArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.registration";
    }
}
