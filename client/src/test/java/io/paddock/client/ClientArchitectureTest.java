package io.paddock.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The client ships without the server, and its public packages do not leak Netty. */
class ClientArchitectureTest {
    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.paddock.client");

    @Test
    void clientNeverImportsTheServerOrZooKeeper() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.paddock.server..", "org.apache.zookeeper..",
                        "org.apache.curator..")
                .check(main);
    }

    @Test
    void onlyTheInternalPackageTouchesNetty() {
        noClasses().that().resideOutsideOfPackage("io.paddock.client.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty.channel..",
                        "io.netty.bootstrap..", "io.netty.handler..")
                .check(main);
    }
}
