package io.gcam.testsupport.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The architecture rules every GCAM module obeys, as ArchUnit rules over the module's main classes.
 *
 * <p>Each factory takes the module's root package (for example {@code io.gcam.registration}); the
 * module is that package and all its sub-packages. Evaluate a rule with
 * {@link ArchRule#check(JavaClasses)} on classes imported with
 * {@code new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)}, or
 * extend {@link GcamArchitectureTest}, which applies all of them.
 *
 * <p>Every rule fails when the imported classes contain no class of the module, so a misspelt root
 * package cannot make a rule pass vacuously.
 */
public final class GcamArchitectureRules {

    /** The package that every GCAM module lives in. */
    public static final String GCAM_PACKAGE = "io.gcam";

    /** The root package of gcam-core, the one module every other module may depend on. */
    public static final String CORE_PACKAGE = "io.gcam.core";

    /** Packages of logging APIs other than SLF4J; library code must not use them. */
    static final List<String> FOREIGN_LOGGING_PACKAGES = List.of(
            "java.util.logging..",
            "org.apache.commons.logging..",
            "org.apache.log4j..",
            "org.apache.logging.log4j..",
            "org.jboss.logging..",
            "ch.qos.logback..");

    private static final String NULL_MARKED = "org.jspecify.annotations.NullMarked";
    private static final Pattern PACKAGE_NAME =
            Pattern.compile("[a-zA-Z_$][a-zA-Z0-9_$]*(\\.[a-zA-Z_$][a-zA-Z0-9_$]*)*");

    private GcamArchitectureRules() {
    }

    /**
     * Classes of the module use no class from a package named {@code internal} of another GCAM
     * module. (A module's own {@code internal} packages are free for it to use.)
     *
     * @param rootPackage the module's root package, e.g. {@code io.gcam.registration}
     * @return the rule
     * @throws IllegalArgumentException if {@code rootPackage} is not a package name
     */
    public static ArchRule noInternalPackageOfAnotherModuleIsUsed(String rootPackage) {
        String root = checkPackage(rootPackage);
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "are in an internal package of another GCAM module",
                        (JavaClass target) -> inPackage(target.getPackageName(), GCAM_PACKAGE)
                                && isInternalPackage(target.getPackageName())
                                && !inPackage(target.getPackageName(), root)))
                .as("classes of " + root + " should use no internal package of another GCAM module")
                .because("a package named internal is an implementation detail of its own module and "
                        + "may change in any release");
    }

    /**
     * No type from a package named {@code internal} appears in the module's public API or SPI.
     *
     * <p>For every public class outside an {@code internal} package (nested classes only when all
     * enclosing classes are public too), none of these mentions an internal type, also not as a
     * generic type argument, array component or type-variable bound: its superclass and
     * interfaces, its type parameters, and the types, parameters, return types and {@code throws}
     * clauses of its public and protected fields, constructors and methods.
     *
     * @param rootPackage the module's root package
     * @return the rule
     * @throws IllegalArgumentException if {@code rootPackage} is not a package name
     */
    public static ArchRule noInternalTypeInPublicSignatures(String rootPackage) {
        String root = checkPackage(rootPackage);
        return classes().that(DescribedPredicate.describe(
                        "are public API or SPI of " + root,
                        (JavaClass c) -> inPackage(c.getPackageName(), root) && isApiVisible(c)))
                .should(new ExposeNoInternalType())
                .as("public API and SPI signatures of " + root + " should mention no internal type")
                .because("a caller cannot use, and the module cannot freely change, a type from an "
                        + "internal package once it is part of a public signature");
    }

    /**
     * The module depends on no GCAM module other than itself and gcam-core, unless allowed.
     *
     * @param rootPackage the module's root package
     * @param alsoAllowed root packages of further GCAM modules this module may depend on (gcam-rest
     *     and gcam-testkit serve other modules and allow them); {@link #GCAM_PACKAGE} allows every
     *     GCAM module
     * @return the rule
     * @throws IllegalArgumentException if a package is not a package name
     */
    public static ArchRule dependsOnNoGcamModuleButCore(String rootPackage, String... alsoAllowed) {
        String root = checkPackage(rootPackage);
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(root);
        allowed.add(CORE_PACKAGE);
        for (String other : alsoAllowed) {
            allowed.add(checkPackage(other));
        }
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "belong to a GCAM module other than " + String.join(", ", allowed),
                        (JavaClass target) -> inPackage(target.getPackageName(), GCAM_PACKAGE)
                                && allowed.stream().noneMatch(a -> inPackage(target.getPackageName(), a))))
                .as("classes of " + root + " should depend on no GCAM module other than "
                        + String.join(", ", allowed))
                .because("modules talk to each other through domain events and identifiers, never "
                        + "through each other's classes");
    }

    /**
     * The packages of the module form no dependency cycle.
     *
     * <p>A package counts together with its {@code spi} and {@code internal} sub-packages: an API
     * package and its SPI exchange the same value types, and an API is implemented by its internal
     * package, so those are one unit. Between units (for example {@code io.gcam.x} and
     * {@code io.gcam.x.jdbc}, or two feature packages) dependencies must go one way only; in
     * particular an API never depends on its JDBC store.
     *
     * @param rootPackage the module's root package
     * @return the rule
     * @throws IllegalArgumentException if {@code rootPackage} is not a package name
     */
    public static ArchRule packagesAreFreeOfCycles(String rootPackage) {
        String root = checkPackage(rootPackage);
        return SlicesRuleDefinition.slices().assignedFrom(new PackageUnits(root))
                .should().beFreeOfCycles()
                .as("packages of " + root + " (each with its spi and internal sub-packages) should be "
                        + "free of cycles");
    }

    /**
     * The module logs through SLF4J only: it calls no method of, and accesses no field of,
     * {@code java.util.logging}, {@code System.Logger}, Commons Logging, Log4j, JBoss Logging or
     * Logback classes. Merely naming such a type, as {@code javax.sql.DataSource#getParentLogger()}
     * must, is allowed.
     *
     * @param rootPackage the module's root package
     * @return the rule
     * @throws IllegalArgumentException if {@code rootPackage} is not a package name
     */
    public static ArchRule logsThroughSlf4jOnly(String rootPackage) {
        String root = checkPackage(rootPackage);
        return noClasses().that().resideInAPackage(root + "..")
                .should().accessClassesThat().resideInAnyPackage(
                        FOREIGN_LOGGING_PACKAGES.toArray(new String[0]))
                .orShould().accessClassesThat().haveFullyQualifiedName("java.lang.System$Logger")
                .as("classes of " + root + " should log through SLF4J only")
                .because("the application chooses the logging backend; a library speaks SLF4J");
    }

    /**
     * The module writes nothing to {@code System.out} or {@code System.err}, reads nothing from
     * {@code System.in} and calls no {@code printStackTrace()}.
     *
     * @param rootPackage the module's root package
     * @return the rule
     * @throws IllegalArgumentException if {@code rootPackage} is not a package name
     */
    public static ArchRule usesNoStandardStreams(String rootPackage) {
        String root = checkPackage(rootPackage);
        return noClasses().that().resideInAPackage(root + "..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .as("classes of " + root + " should not use standard streams or printStackTrace()")
                .because("output must go through SLF4J, where the application controls it and "
                        + "personal data can be kept out");
    }

    /**
     * Every package of the module that holds a class is annotated with JSpecify's
     * {@code @NullMarked} in its {@code package-info.java}.
     *
     * @param rootPackage the module's root package
     * @return the rule
     * @throws IllegalArgumentException if {@code rootPackage} is not a package name
     */
    public static ArchRule everyPackageIsNullMarked(String rootPackage) {
        String root = checkPackage(rootPackage);
        return all(new PackagesOf(root))
                .should(new ArchCondition<JavaPackage>("be annotated with @NullMarked in package-info.java") {
                    @Override
                    public void check(JavaPackage javaPackage, ConditionEvents events) {
                        boolean marked = javaPackage.isAnnotatedWith(NULL_MARKED);
                        events.add(new SimpleConditionEvent(javaPackage, marked, "package "
                                + javaPackage.getName() + (marked ? " is" : " is not")
                                + " annotated with @NullMarked in package-info.java"));
                    }
                })
                .because("every GCAM package states its nullness: non-null unless marked @Nullable");
    }

    /**
     * All rules of this class for one module, in the order they are documented.
     *
     * @param rootPackage the module's root package
     * @param alsoAllowed further GCAM root packages the module may depend on, see
     *     {@link #dependsOnNoGcamModuleButCore(String, String...)}
     * @return the rules
     * @throws IllegalArgumentException if a package is not a package name
     */
    public static List<ArchRule> forModule(String rootPackage, String... alsoAllowed) {
        return List.of(
                noInternalPackageOfAnotherModuleIsUsed(rootPackage),
                noInternalTypeInPublicSignatures(rootPackage),
                dependsOnNoGcamModuleButCore(rootPackage, alsoAllowed),
                packagesAreFreeOfCycles(rootPackage),
                logsThroughSlf4jOnly(rootPackage),
                usesNoStandardStreams(rootPackage),
                everyPackageIsNullMarked(rootPackage));
    }

    static String checkPackage(String packageName) {
        if (!PACKAGE_NAME.matcher(packageName).matches()) {
            throw new IllegalArgumentException("not a package name: '" + packageName
                    + "' (expected a root package such as io.gcam.registration, without '..')");
        }
        return packageName;
    }

    static boolean inPackage(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    static boolean isInternalPackage(String packageName) {
        return Arrays.asList(packageName.split("\\.")).contains("internal");
    }

    /** Public, outside internal packages, and (if nested) inside public classes only. */
    static boolean isApiVisible(JavaClass javaClass) {
        if (isInternalPackage(javaClass.getPackageName())) {
            return false;
        }
        JavaClass current = javaClass;
        while (true) {
            if (!current.getModifiers().contains(JavaModifier.PUBLIC) || current.getEnclosingCodeUnit().isPresent()) {
                return false;
            }
            var enclosing = current.getEnclosingClass();
            if (enclosing.isEmpty()) {
                return true;
            }
            current = enclosing.get();
        }
    }

    private static final class ExposeNoInternalType extends ArchCondition<JavaClass> {

        ExposeNoInternalType() {
            super("mention no internal type in public or protected signatures");
        }

        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            List<String> leaks = new ArrayList<>();
            javaClass.getSuperclass().ifPresent(t -> report(leaks, "extends", t));
            javaClass.getInterfaces().forEach(t -> report(leaks, "implements", t));
            reportTypeParameters(leaks, "declares type parameter", javaClass.getTypeParameters());
            for (JavaField field : javaClass.getFields()) {
                if (isExposed(field)) {
                    report(leaks, "field " + field.getName() + " has type", field.getType());
                }
            }
            for (JavaCodeUnit codeUnit : javaClass.getCodeUnits()) {
                if (!isExposed(codeUnit)) {
                    continue;
                }
                String name = codeUnit.isConstructor()
                        ? "constructor " + javaClass.getSimpleName() + "(...)"
                        : "method " + codeUnit.getName() + "(...)";
                if (codeUnit.isMethod()) {
                    report(leaks, name + " returns", codeUnit.getReturnType());
                }
                for (JavaType parameter : codeUnit.getParameterTypes()) {
                    report(leaks, name + " takes", parameter);
                }
                for (var declaration : codeUnit.getThrowsClause()) {
                    report(leaks, name + " throws", declaration.getRawType());
                }
                reportTypeParameters(leaks, name + " declares type parameter", codeUnit.getTypeParameters());
            }
            if (leaks.isEmpty()) {
                events.add(SimpleConditionEvent.satisfied(javaClass, javaClass.getName() + " exposes no internal type"));
            }
            for (String leak : leaks) {
                events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + ": " + leak));
            }
        }

        private static boolean isExposed(JavaMember member) {
            Set<JavaModifier> modifiers = member.getModifiers();
            return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
                    && !modifiers.contains(JavaModifier.SYNTHETIC)
                    && !modifiers.contains(JavaModifier.BRIDGE);
        }

        private static void reportTypeParameters(
                List<String> leaks, String what, List<? extends JavaTypeVariable<?>> parameters) {
            for (JavaTypeVariable<?> parameter : parameters) {
                for (JavaType bound : parameter.getUpperBounds()) {
                    report(leaks, what + " " + parameter.getName() + " bounded by", bound);
                }
            }
        }

        private static void report(List<String> leaks, String what, JavaType type) {
            if (type instanceof JavaTypeVariable) {
                return; // its bounds are reported where it is declared
            }
            Collection<JavaClass> involved = type.getAllInvolvedRawTypes();
            Set<String> internal = new TreeSet<>();
            for (JavaClass raw : involved) {
                JavaClass base = raw.isArray() ? raw.getBaseComponentType() : raw;
                if (isInternalPackage(base.getPackageName())) {
                    internal.add(base.getName());
                }
            }
            for (String name : internal) {
                leaks.add(what + " internal type " + name
                        + (type.getName().equals(name) ? "" : " (in " + type.getName() + ")"));
            }
        }
    }

    /** Assigns each package of the module to its unit: the package with its spi and internal parts. */
    private static final class PackageUnits implements SliceAssignment {

        private final String root;
        private final int rootDepth;

        PackageUnits(String root) {
            this.root = root;
            this.rootDepth = root.split("\\.").length;
        }

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String packageName = javaClass.getPackageName();
            if (!inPackage(packageName, root)) {
                return SliceIdentifier.ignore();
            }
            String[] segments = packageName.split("\\.");
            int end = segments.length;
            for (int i = rootDepth; i < segments.length; i++) {
                if (segments[i].equals("spi") || segments[i].equals("internal")) {
                    end = i;
                    break;
                }
            }
            return SliceIdentifier.of(String.join(".", Arrays.copyOf(segments, end)));
        }

        @Override
        public String getDescription() {
            return "packages of " + root;
        }
    }

    /** The distinct packages that hold at least one imported class of the module. */
    private static final class PackagesOf extends AbstractClassesTransformer<JavaPackage> {

        private final String root;

        PackagesOf(String root) {
            super("packages of " + root);
            this.root = root;
        }

        @Override
        public Iterable<JavaPackage> doTransform(JavaClasses classes) {
            Set<JavaPackage> packages = new LinkedHashSet<>();
            for (JavaClass javaClass : classes) {
                if (inPackage(javaClass.getPackageName(), root)
                        && !javaClass.getSimpleName().equals("package-info")) {
                    packages.add(javaClass.getPackage());
                }
            }
            return packages;
        }
    }
}
