package io.gcam.notification;

import io.gcam.testsupport.arch.GcamArchitectureTest;

class NotificationArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.notification";
    }
}
