package io.gcam.testsupport.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule passes on a well-built fake module and reports the deliberately bad fake modules in
 * {@code io.gcam.testsupport.arch.fixtures}, naming what is wrong.
 */
class GcamArchitectureRulesTest {

    private static final String FIXTURES = "io.gcam.testsupport.arch.fixtures";
    private static final String GOOD = FIXTURES + ".good";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    @Test
    void acceptsAWellBuiltModuleOnEveryRule() {
        for (ArchRule rule : GcamArchitectureRules.forModule(GOOD)) {
            EvaluationResult result = rule.evaluate(CLASSES);
            assertThat(result.hasViolation())
                    .as(rule.getDescription() + ":\n" + result.getFailureReport())
                    .isFalse();
        }
    }

    @Test
    void reportsUseOfAnotherModulesInternalPackage() {
        List<String> details = violations(
                GcamArchitectureRules.noInternalPackageOfAnotherModuleIsUsed(FIXTURES + ".borrower"));

        assertThat(details).isNotEmpty()
                .allSatisfy(d -> assertThat(d).contains("Borrower").contains(GOOD + ".internal.GreeterEngine"));
    }

    @Test
    void reportsEveryInternalTypeInAPublicOrProtectedSignature() {
        List<String> details = violations(
                GcamArchitectureRules.noInternalTypeInPublicSignatures(FIXTURES + ".leaky"));

        String secret = FIXTURES + ".leaky.internal.Secret";
        assertThat(details).anySatisfy(d -> assertThat(d).contains("field exposedField has type internal type " + secret));
        assertThat(details).anySatisfy(d -> assertThat(d).contains("method returnsSecret(...) returns internal type " + secret));
        assertThat(details).anySatisfy(d -> assertThat(d).contains("method takesSecrets(...) takes internal type " + secret + " (in java.util.List<"));
        assertThat(details).anySatisfy(d -> assertThat(d).contains("method throwsSecret(...) throws internal type " + secret + "Exception"));
        assertThat(details).anySatisfy(d -> assertThat(d).contains("method forSubclasses(...) returns internal type " + secret));
        assertThat(details).anySatisfy(d -> assertThat(d).contains("method bounded(...) declares type parameter T bounded by internal type " + secret));
        assertThat(details).anySatisfy(d -> assertThat(d).contains("LeakySubclass: extends internal type " + FIXTURES + ".leaky.internal.SecretBase"));
        assertThat(details).noneSatisfy(d -> assertThat(d).containsAnyOf("hidden", "packagePrivate", "NotExported"));
        assertThat(details).hasSize(7);
    }

    @Test
    void reportsDependencyOnAnotherGcamModuleUnlessAllowed() {
        String borrower = FIXTURES + ".borrower";

        assertThat(violations(GcamArchitectureRules.dependsOnNoGcamModuleButCore(borrower)))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d).contains("Borrower").contains(GOOD));
        assertThat(GcamArchitectureRules.dependsOnNoGcamModuleButCore(borrower, GOOD).evaluate(CLASSES).hasViolation())
                .isFalse();
        assertThat(GcamArchitectureRules.dependsOnNoGcamModuleButCore(borrower, GcamArchitectureRules.GCAM_PACKAGE)
                        .evaluate(CLASSES).hasViolation())
                .isFalse();
    }

    @Test
    void reportsPackageCyclesIncludingAnApiThatDependsOnItsJdbcStore() {
        String failure = failureReport(GcamArchitectureRules.packagesAreFreeOfCycles(FIXTURES + ".cyclic"));

        assertThat(failure).contains("Cycle detected")
                .contains(FIXTURES + ".cyclic.a").contains(FIXTURES + ".cyclic.b")
                .contains(FIXTURES + ".cyclic.jdbc");
    }

    @Test
    void reportsLoggingThatBypassesSlf4j() {
        List<String> details = violations(GcamArchitectureRules.logsThroughSlf4jOnly(FIXTURES + ".noisy"));

        assertThat(details).anySatisfy(d -> assertThat(d).contains("JulLogging").contains("java.util.logging.Logger"));
        assertThat(details).anySatisfy(d -> assertThat(d).contains("SystemLogging").contains("java.lang.System$Logger"));
        assertThat(details).noneSatisfy(d -> assertThat(d).contains("PrintsToStdout"));
    }

    @Test
    void reportsStandardStreamsAndPrintStackTrace() {
        List<String> details = violations(GcamArchitectureRules.usesNoStandardStreams(FIXTURES + ".noisy"));

        assertThat(details).anySatisfy(d -> assertThat(d).contains("PrintsToStdout").contains("System.out"));
        assertThat(details).anySatisfy(d -> assertThat(d).contains("PrintsToStderr").contains("System.err"));
        assertThat(details).anySatisfy(d -> assertThat(d).contains("PrintsStackTrace").contains("printStackTrace"));
        assertThat(details).noneSatisfy(d -> assertThat(d).contains("JulLogging"));
    }

    @Test
    void reportsAPackageWithoutNullMarked() {
        List<String> details = violations(GcamArchitectureRules.everyPackageIsNullMarked(FIXTURES + ".unmarked"));

        assertThat(details).containsExactly(
                "package " + FIXTURES + ".unmarked is not annotated with @NullMarked in package-info.java");
    }

    @Test
    void failsRatherThanPassWhenTheRootPackageHasNoClass() {
        for (ArchRule rule : GcamArchitectureRules.forModule(FIXTURES + ".nosuchmodule")) {
            assertThatThrownBy(() -> rule.check(CLASSES))
                    .as(rule.getDescription())
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void rejectsARootThatIsNotAPackageName() {
        assertThatThrownBy(() -> GcamArchitectureRules.forModule("io.gcam.core.."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.gcam.core..");
    }

    private static List<String> violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        assertThat(result.hasViolation()).as(rule.getDescription() + " reports a violation").isTrue();
        return result.getFailureReport().getDetails();
    }

    private static String failureReport(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        assertThat(result.hasViolation()).as(rule.getDescription() + " reports a violation").isTrue();
        return result.getFailureReport().toString();
    }
}
