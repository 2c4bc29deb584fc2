package io.gcam.samples.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.samples.portal.PortalApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal runs the workflow's housekeeping while it is up, and stops it when it stops. */
class WorkflowHousekeepingTest {

    @TempDir
    Path dataDir;

    private static Set<Thread> housekeepers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(WorkflowWiring.Housekeeping.THREAD) && t.isAlive())
                .collect(Collectors.toSet());
    }

    @Test
    void startsOneHousekeepingThreadPerPortalAndStopsItWithThePortal() throws Exception {
        Set<Thread> before = housekeepers();
        List<Thread> started;
        try (PortalApp portal = PortalApp.start(Map.of("GCAM_PORT", "0", "GCAM_DATA_DIR", dataDir.toString()))) {
            assertThat(portal.uri()).isNotNull();
            started = housekeepers().stream().filter(t -> !before.contains(t)).toList();
            assertThat(started).hasSize(1);
        }
        started.get(0).join(10_000);
        assertThat(started.get(0).isAlive()).as("housekeeping thread after the portal stopped").isFalse();
    }
}
