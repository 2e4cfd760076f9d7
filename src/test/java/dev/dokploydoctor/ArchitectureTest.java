package dev.dokploydoctor;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages' arrows point one way (docs/ARCHITECTURE.md): knowledge at the bottom, then
 * engine, then probe / authoring / report / similar beside each other, then repl and evaluation,
 * then cli on top; and no cycle between any two packages. Checked on the compiled main classes.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dokploydoctor");
    }

    @Test void noPackageCycles() {
        slices().matching("dev.dokploydoctor.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test void arrowsPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("knowledge").definedBy("dev.dokploydoctor.knowledge..")
                .layer("engine").definedBy("dev.dokploydoctor.engine..")
                .layer("probe").definedBy("dev.dokploydoctor.probe..")
                .layer("authoring").definedBy("dev.dokploydoctor.authoring..")
                .layer("report").definedBy("dev.dokploydoctor.report..")
                .layer("similar").definedBy("dev.dokploydoctor.similar..")
                .layer("repl").definedBy("dev.dokploydoctor.repl..")
                .layer("evaluation").definedBy("dev.dokploydoctor.evaluation..")
                .layer("cli").definedBy("dev.dokploydoctor.cli..")
                .whereLayer("knowledge").mayNotAccessAnyLayer()
                .whereLayer("engine").mayOnlyAccessLayers("knowledge")
                .whereLayer("probe").mayOnlyAccessLayers("knowledge")
                .whereLayer("similar").mayOnlyAccessLayers("knowledge")
                .whereLayer("authoring").mayOnlyAccessLayers("engine", "knowledge")
                .whereLayer("report").mayOnlyAccessLayers("engine", "knowledge", "similar")
                .whereLayer("repl").mayOnlyAccessLayers("engine", "knowledge", "probe", "report", "authoring", "similar")
                // the evaluation replays the REPL's question planner on the field corpus
                .whereLayer("evaluation").mayOnlyAccessLayers("engine", "knowledge", "repl", "report", "similar")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .check(classes);
    }
}
