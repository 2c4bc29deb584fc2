package io.gcam.testsupport.arch;

/**
 * gcam-core obeys the GCAM architecture rules. It lives here because gcam-core's own tests cannot
 * depend on gcam-test-support (which depends on gcam-core).
 */
// tag::architecture-test[]
class GcamCoreArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.core";
    }
}
// end::architecture-test[]
