package io.gcam.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.gcam.testsupport.arch.GcamArchitectureTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogArchitectureTest extends GcamArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.gcam.catalog";
    }

    /** The local workflow connector needs gcam-workflow (an optional dependency)... */
    @Override
    protected Set<String> alsoAllowedGcamModules() {
        return Set.of("io.gcam.workflow");
    }

    /** ...and only its adapter package may use it, so the rest of the module runs without it. */
    @Test
    void onlyTheWorkflowAdapterPackageUsesGcamWorkflow() {
        noClasses().that().resideOutsideOfPackage("io.gcam.catalog.workflow..")
                .should().dependOnClassesThat().resideInAPackage("io.gcam.workflow..")
                .check(moduleClasses());
    }
}
