package io.gcam.documents;

import io.gcam.testsupport.arch.GcamArchitectureTest;

class DocumentsArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.documents";
    }
}
