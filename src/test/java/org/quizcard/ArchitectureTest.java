package org.quizcard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The arrows of {@code docs/architecture.md}, checked on the compiled classes: a dependency that
 * points the wrong way fails the build, so the document's table stays true.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.quizcard");

    @Test
    void packagesDependOnlyDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("root").definedBy("org.quizcard")
                .layer("bank").definedBy("org.quizcard.bank..")
                .layer("check").definedBy("org.quizcard.check..")
                .layer("srs").definedBy("org.quizcard.srs..")
                .layer("store").definedBy("org.quizcard.store..")
                .layer("study").definedBy("org.quizcard.study..")
                .layer("term").definedBy("org.quizcard.term..")
                .layer("grade").definedBy("org.quizcard.grade..")
                .layer("exchange").definedBy("org.quizcard.exchange..")
                .layer("cli").definedBy("org.quizcard.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("term").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("grade").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("exchange").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("study").mayOnlyBeAccessedByLayers("term", "cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("study", "exchange", "cli")
                .whereLayer("check").mayOnlyBeAccessedByLayers("study", "term", "grade", "cli")
                .whereLayer("srs").mayOnlyBeAccessedByLayers("store", "study", "term", "exchange", "cli")
                .whereLayer("bank").mayOnlyBeAccessedByLayers("check", "study", "term", "grade", "exchange", "cli")
                .check(MAIN);
    }

    @Test
    void onlyTheCommandsSpeakPicocli() {
        noClasses().that().resideOutsideOfPackage("org.quizcard.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(MAIN);
    }

    @Test
    void onlyTheTerminalCodeSpeaksJline() {
        noClasses().that().resideOutsideOfPackage("org.quizcard.term..")
                .and().doNotHaveFullyQualifiedName("org.quizcard.cli.Ui")
                .should().dependOnClassesThat().resideInAPackage("org.jline..").check(MAIN);
    }

    @Test
    void onlyTheStoreSpeaksSql() {
        noClasses().that().resideOutsideOfPackage("org.quizcard.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..").check(MAIN);
    }

    @Test
    void answerCheckingIsPure() {
        noClasses().that().resideInAPackage("org.quizcard.check..")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "java.sql..", "java.nio.file..",
                        "org.jline..")
                .check(MAIN);
    }
}
