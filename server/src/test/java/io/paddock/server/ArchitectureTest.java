package io.paddock.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * House rules the compiler cannot see, checked over every production class on the server's
 * classpath (protocol, storage, zab-core and the server itself).
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        // io.paddock.testing is the shared test kit, a jar on the test classpath only.
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.paddock")
                .that(resideOutsideOfPackage("io.paddock.testing.."));
        assertFalse(production.isEmpty());
    }

    @Test
    void onlyTheConfigPackageReadsSystemProperties() {
        noClasses().that().resideOutsideOfPackage("io.paddock.server.config..")
                .should().callMethod(System.class, "getProperty", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class, String.class)
                .orShould().callMethod(Integer.class, "getInteger", String.class)
                .orShould().callMethod(Long.class, "getLong", String.class)
                .orShould().callMethod(Boolean.class, "getBoolean", String.class)
                .because("configuration travels as objects")
                .check(production);
    }

    @Test
    void noStaticMutableFields() {
        fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("io.paddock..")
                .and().doNotHaveName("$VALUES")
                .should().beFinal()
                .because("static mutable state leaks between servers in one JVM")
                .check(production);
    }

    @Test
    void storageKnowsNothingOfServerOrZab() {
        noClasses().that().resideInAPackage("io.paddock.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("io.paddock.server..",
                        "io.paddock.zab..", "io.paddock.protocol..")
                .check(production);
    }

    @Test
    void protocolIsBytesInRecordsOut() {
        noClasses().that().resideInAPackage("io.paddock.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("io.paddock.server..",
                        "io.paddock.storage..", "io.paddock.zab..", "io.netty.channel..")
                .check(production);
    }

    @Test
    void theZnodeStateMachineDoesNoNetworking() {
        noClasses().that().resideInAnyPackage("io.paddock.server.tree..", "io.paddock.server.txn..",
                        "io.paddock.server.watch..", "io.paddock.server.request..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty.channel..",
                        "io.paddock.server.net..", "com.lmax..")
                .check(production);
    }
}
