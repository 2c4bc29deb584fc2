package io.gcam.workflow;

import io.gcam.testsupport.arch.GcamArchitectureTest;

class WorkflowArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.workflow";
    }
}
