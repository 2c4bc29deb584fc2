package io.gcam.profile;

import io.gcam.testsupport.arch.GcamArchitectureTest;
import java.util.Set;

/** gcam-profile follows the GCAM architecture rules; it may use gcam-identity's verified identities. */
class ProfileArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.profile";
    }

    @Override
    protected Set<String> alsoAllowedGcamModules() {
        return Set.of("io.gcam.identity");
    }
}
