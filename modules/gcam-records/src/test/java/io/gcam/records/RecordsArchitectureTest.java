package io.gcam.records;

import io.gcam.testsupport.arch.GcamArchitectureTest;

class RecordsArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.records";
    }
}
