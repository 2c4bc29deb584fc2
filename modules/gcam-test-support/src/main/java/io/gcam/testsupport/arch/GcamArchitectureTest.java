package io.gcam.testsupport.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jspecify.annotations.Nullable;

/**
 * The GCAM architecture rules as a JUnit 5 test: extend it in a module's tests and name the module's
 * root package.
 *
 * <pre>{@code
 * class RegistrationArchitectureTest extends GcamArchitectureTest {
 *     @Override
 *     protected String rootPackage() {
 *         return "io.gcam.registration";
 *     }
 * }
 * }</pre>
 *
 * <p>The module's main classes (not its tests) are imported once per test class from the test
 * classpath, and each rule of {@link GcamArchitectureRules} is one test method. A test fails when
 * no class of the root package is found, so a misspelt root package cannot pass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GcamArchitectureTest {

    private @Nullable JavaClasses classes;

    /** Creates the test; subclasses name their module in {@link #rootPackage()}. */
    protected GcamArchitectureTest() {
    }

    /**
     * The module under test.
     *
     * @return the module's root package, e.g. {@code io.gcam.registration}
     */
    protected abstract String rootPackage();

    /**
     * Further GCAM modules this module may depend on besides gcam-core. gcam-rest and gcam-testkit
     * serve the other modules and return {@link GcamArchitectureRules#GCAM_PACKAGE}; every other
     * module keeps the default.
     *
     * @return root packages of the allowed modules; empty by default
     */
    protected Set<String> alsoAllowedGcamModules() {
        return Set.of();
    }

    /**
     * Imports the classes the rules are checked on. The default imports the main classes of
     * {@link #rootPackage()} and its sub-packages from the classpath, without test classes.
     *
     * @return the imported classes
     */
    protected JavaClasses importClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage());
    }

    /**
     * The imported classes, imported on first use.
     *
     * @return the classes of the module
     * @throws AssertionError if no class of the root package was found
     */
    protected final JavaClasses moduleClasses() {
        JavaClasses imported = classes;
        if (imported == null) {
            imported = importClasses();
            String root = GcamArchitectureRules.checkPackage(rootPackage());
            boolean found = false;
            for (JavaClass javaClass : imported) {
                if (GcamArchitectureRules.inPackage(javaClass.getPackageName(), root)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                throw new AssertionError("No main class found in package " + root
                        + " or its sub-packages: check rootPackage() and that the module's classes are on"
                        + " the test classpath");
            }
            classes = imported;
        }
        return imported;
    }

    /** Classes of the module use no {@code internal} package of another GCAM module. */
    @Test
    public void usesNoInternalPackageOfAnotherModule() {
        GcamArchitectureRules.noInternalPackageOfAnotherModuleIsUsed(rootPackage()).check(moduleClasses());
    }

    /** Public API and SPI signatures mention no type from an {@code internal} package. */
    @Test
    public void exposesNoInternalTypeInPublicSignatures() {
        GcamArchitectureRules.noInternalTypeInPublicSignatures(rootPackage()).check(moduleClasses());
    }

    /** The module depends on no GCAM module but gcam-core and {@link #alsoAllowedGcamModules()}. */
    @Test
    public void dependsOnNoGcamModuleButCore() {
        GcamArchitectureRules.dependsOnNoGcamModuleButCore(
                        rootPackage(), alsoAllowedGcamModules().toArray(new String[0]))
                .check(moduleClasses());
    }

    /** The module's packages (each with its {@code spi} and {@code internal} parts) form no cycle. */
    @Test
    public void hasNoPackageCycles() {
        GcamArchitectureRules.packagesAreFreeOfCycles(rootPackage()).check(moduleClasses());
    }

    /** The module logs through SLF4J only. */
    @Test
    public void logsThroughSlf4jOnly() {
        GcamArchitectureRules.logsThroughSlf4jOnly(rootPackage()).check(moduleClasses());
    }

    /** The module uses no standard stream and no {@code printStackTrace()}. */
    @Test
    public void usesNoStandardStreams() {
        GcamArchitectureRules.usesNoStandardStreams(rootPackage()).check(moduleClasses());
    }

    /** Every package of the module is {@code @NullMarked}. */
    @Test
    public void marksEveryPackageNullMarked() {
        GcamArchitectureRules.everyPackageIsNullMarked(rootPackage()).check(moduleClasses());
    }
}
