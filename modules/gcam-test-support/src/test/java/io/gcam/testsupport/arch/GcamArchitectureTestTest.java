package io.gcam.testsupport.arch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link GcamArchitectureTest} runs every rule: a subclass for the well-built fake module passes, and
 * subclasses for the bad fake modules fail in the matching test method.
 */
class GcamArchitectureTestTest {

    private static final String FIXTURES = "io.gcam.testsupport.arch.fixtures";
    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    /** Fixtures are test classes, so these subclasses import them including test classes. */
    private static class FixtureModuleTest extends GcamArchitectureTest {
        private final String root;
        private final Set<String> allowed;

        FixtureModuleTest(String module, String... allowed) {
            this.root = FIXTURES + "." + module;
            this.allowed = Set.of(allowed);
        }

        @Override
        protected String rootPackage() {
            return root;
        }

        @Override
        protected Set<String> alsoAllowedGcamModules() {
            return allowed;
        }

        @Override
        protected JavaClasses importClasses() {
            return FIXTURE_CLASSES;
        }
    }

    @Test
    void passesEveryTestForAWellBuiltModule() {
        FixtureModuleTest test = new FixtureModuleTest("good");

        assertThatCode(() -> {
            test.usesNoInternalPackageOfAnotherModule();
            test.exposesNoInternalTypeInPublicSignatures();
            test.dependsOnNoGcamModuleButCore();
            test.hasNoPackageCycles();
            test.logsThroughSlf4jOnly();
            test.usesNoStandardStreams();
            test.marksEveryPackageNullMarked();
        }).doesNotThrowAnyException();
    }

    @Test
    void failsEachTestOnTheFixtureThatBreaksItsRule() {
        assertThatThrownBy(new FixtureModuleTest("borrower", FIXTURES + ".good")::usesNoInternalPackageOfAnotherModule)
                .isInstanceOf(AssertionError.class).hasMessageContaining("GreeterEngine");
        assertThatThrownBy(new FixtureModuleTest("leaky")::exposesNoInternalTypeInPublicSignatures)
                .isInstanceOf(AssertionError.class).hasMessageContaining("returnsSecret");
        assertThatThrownBy(new FixtureModuleTest("borrower")::dependsOnNoGcamModuleButCore)
                .isInstanceOf(AssertionError.class).hasMessageContaining("Borrower");
        assertThatThrownBy(new FixtureModuleTest("cyclic")::hasNoPackageCycles)
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
        assertThatThrownBy(new FixtureModuleTest("noisy")::logsThroughSlf4jOnly)
                .isInstanceOf(AssertionError.class).hasMessageContaining("java.util.logging");
        assertThatThrownBy(new FixtureModuleTest("noisy")::usesNoStandardStreams)
                .isInstanceOf(AssertionError.class).hasMessageContaining("System.out");
        assertThatThrownBy(new FixtureModuleTest("unmarked")::marksEveryPackageNullMarked)
                .isInstanceOf(AssertionError.class).hasMessageContaining("@NullMarked");
    }

    @Test
    void failsWhenTheRootPackageHasNoClass() {
        assertThatThrownBy(new FixtureModuleTest("nosuchmodule")::marksEveryPackageNullMarked)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No main class found in package " + FIXTURES + ".nosuchmodule");
    }

    @Test
    void importsMainClassesOnlyByDefault() {
        GcamArchitectureTest fixturesAsMain = new GcamArchitectureTest() {
            @Override
            protected String rootPackage() {
                return FIXTURES;
            }
        };

        assertThatThrownBy(fixturesAsMain::marksEveryPackageNullMarked)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No main class found");
    }
}
