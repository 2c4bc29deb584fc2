package io.gcam.testkit.arch;

/**
 * gcam-core obeys the GCAM architecture rules. It lives here because gcam-core's own tests cannot
 * depend on gcam-testkit.
 */
class GcamCoreArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.core";
    }
}
