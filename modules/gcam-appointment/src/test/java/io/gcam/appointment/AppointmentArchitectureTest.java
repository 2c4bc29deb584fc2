package io.gcam.appointment;

import io.gcam.testsupport.arch.GcamArchitectureTest;

class AppointmentArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.appointment";
    }
}
