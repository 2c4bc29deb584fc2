package io.gcam.testsupport.arch;

/** gcam-test-support obeys the GCAM architecture rules it provides. */
class GcamTestSupportArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.testsupport";
    }
}
