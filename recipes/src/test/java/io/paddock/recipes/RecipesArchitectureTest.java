package io.paddock.recipes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Recipes stand on the client's public API only, so any client user can copy what they do. */
class RecipesArchitectureTest {
    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.paddock.recipes");

    @Test
    void recipesUseOnlyTheClientsPublicPackages() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.paddock.client.internal..", "io.paddock.server..",
                        "io.netty..", "org.apache.zookeeper..", "org.apache.curator..")
                .check(main);
    }

    @Test
    void recipesHoldNoStaticMutableState() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields().that().areStatic()
                .and().areDeclaredInClassesThat().resideInAPackage("io.paddock.recipes..")
                .should().beFinal()
                .check(main);
    }
}
