package org.convscope.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The layering the folder tree tells: the engine, the readers and the steppers and sessions work without JavaFX (the
 * CLI runs them headless), the Vector API stays in one package, and no two top packages depend on each other in a
 * circle. The rules are methods, not fields: Surefire 3.5.3 does not run {@code @ArchTest} fields (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = "org.convscope", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static void engineReadersLecturesAndSessionsAreFreeOfJavaFx(JavaClasses classes) {
        noClasses()
                .that().resideInAnyPackage("org.convscope.engine..", "org.convscope.data..", "org.convscope.io..",
                        "org.convscope.lecture..", "org.convscope.training..", "org.convscope.model..",
                        "org.convscope.onnx..", "org.convscope.open..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the engine, readers, lecture steppers and training sessions run headless (STYLE 1, 23)")
                .check(classes);
    }

    @ArchTest
    static void theVectorApiStaysInOnePackage(JavaClasses classes) {
        noClasses()
                .that().resideOutsideOfPackage("org.convscope.engine.kernel.simd..")
                .should().dependOnClassesThat().resideInAnyPackage("jdk.incubator.vector..")
                .because("all Vector API code lives in engine/kernel/simd, beside its scalar reference (STYLE 6)")
                .check(classes);
    }

    @ArchTest
    static void topPackagesAreFreeOfCycles(JavaClasses classes) {
        slices().matching("org.convscope.(*)..").should().beFreeOfCycles().check(classes);
    }
}
