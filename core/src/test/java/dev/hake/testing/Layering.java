package dev.hake.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hake.core.CoreApi;

/**
 * The layering rules of DESIGN.md, checked over a module's compiled classes: only core talks to
 * AWS, core knows no face (JMS, Camel), and no module's packages import each other in a circle.
 * Each module's {@code ArchitectureTest} applies the rules that concern it.
 */
public final class Layering {

    private static final String AWS_SDK = "software.amazon.awssdk..";

    private Layering() {
    }

    /** The production classes (no tests) of the packages under {@code rootPackage}. */
    public static JavaClasses productionClasses(String rootPackage) {
        // Tests may use anything. They are told apart by their folder, test-classes, whatever the
        // build directory is called (-Dhake.buildDir); jars are other modules and libraries.
        ImportOption productionFolders = location -> !location.isJar() && !location.contains("/test-classes/");
        return new ClassFileImporter().withImportOption(productionFolders).importPackages(rootPackage);
    }

    /** A face (JMS, Camel, ...) reaches AWS only through core. */
    public static void faceDoesNotTalkToAws(String facePackage) {
        noClasses().that().resideInAPackage(facePackage + "..")
                .should().dependOnClassesThat().resideInAPackage(AWS_SDK)
                .because("only hake-core talks to AWS; a face uses core's API")
                .check(productionClasses(facePackage));
    }

    /**
     * A face uses only core's API: the {@code dev.hake.core} package and the types marked
     * {@link CoreApi} (and their nested types); the rest of core is internal.
     */
    public static void faceUsesOnlyCoreApi(String facePackage) {
        noClasses().that().resideInAPackage(facePackage + "..")
                .should().dependOnClassesThat(CORE_INTERNALS)
                .because("a face goes through core's API (the dev.hake.core package and @CoreApi types)")
                .check(productionClasses(facePackage));
    }

    private static final DescribedPredicate<JavaClass> CORE_INTERNALS =
            new DescribedPredicate<>("are internal to core (in a sub-package of dev.hake.core, not @CoreApi)") {
                @Override
                public boolean test(JavaClass c) {
                    return c.getPackageName().startsWith("dev.hake.core.") && !isCoreApi(c);
                }
            };

    private static boolean isCoreApi(JavaClass c) {
        return c.isAnnotatedWith(CoreApi.class) || c.getEnclosingClass().map(Layering::isCoreApi).orElse(false);
    }

    /** Core never depends on a face or on the APIs the faces implement. */
    public static void coreKnowsNoFace() {
        noClasses().that().resideInAPackage("dev.hake.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.jms..", "javax.jms..", "org.apache.camel..",
                        "dev.hake.jms..", "dev.hake.camel..")
                .because("core serves every face and knows none of them")
                .check(productionClasses("dev.hake.core"));
    }

    /**
     * The sub-packages of {@code rootPackage} form no cycle. The root package itself is the module's
     * entry point (HakeCore, the connection factory) and wires its sub-packages, which use its value
     * types in turn; that edge is allowed, a cycle between two sub-packages is not.
     */
    public static void noPackageCycles(String rootPackage) {
        slices().matching(rootPackage + ".(**)")
                .should().beFreeOfCycles()
                .check(productionClasses(rootPackage));
    }
}
