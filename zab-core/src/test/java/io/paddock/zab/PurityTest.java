package io.paddock.zab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.paddock.zab.broadcast.ImpureFixture;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The protocol packages stay pure: no I/O, threads, clocks or unseeded randomness, so that tests
 * and the simulator can drive them deterministically. The runtime packages around them do all that.
 */
class PurityTest {

    private static final String[] PURE_PACKAGES = {
        "io.paddock.zab", "io.paddock.zab.quorum", "io.paddock.zab.broadcast", "io.paddock.zab.election",
        "io.paddock.zab.discovery", "io.paddock.zab.sync", "io.paddock.zab.peer", "io.paddock.zab.message",
    };

    private static final List<ArchRule> RULES = List.of(
            noClasses().that().resideInAnyPackage(PURE_PACKAGES)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "java.io..", "java.nio..", "java.net..", "io.netty..", "com.lmax..",
                            "io.paddock.storage..")
                    .because("the ZAB core does no I/O; the runtime does"),
            noClasses().that().resideInAnyPackage(PURE_PACKAGES)
                    .should().dependOnClassesThat().areAssignableTo(Thread.class)
                    .orShould().dependOnClassesThat().haveNameMatching("java\\.util\\.concurrent\\.Executor.*")
                    .because("the ZAB core owns no threads"),
            noClasses().that().resideInAnyPackage(PURE_PACKAGES)
                    .should().callMethod(System.class, "currentTimeMillis")
                    .orShould().callMethod(System.class, "nanoTime")
                    .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                    .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
                    .because("time comes into the ZAB core as ticks"),
            noClasses().that().resideInAnyPackage(PURE_PACKAGES)
                    .should().callConstructor(Random.class)
                    .orShould().dependOnClassesThat().areAssignableTo(ThreadLocalRandom.class)
                    .orShould().callMethod(Math.class, "random")
                    .because("randomness comes into the ZAB core from an injected, seeded source"));

    @Test
    void pureProtocolPackagesDoNoIoOwnNoThreadsAndReadNoClock() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.paddock.zab");
        assertFalse(production.isEmpty(), "found the classes to check");

        for (ArchRule rule : RULES) {
            rule.check(production);
        }
    }

    @Test
    void theRulesCatchAnImpureClass() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ImpureFixture.class);

        for (ArchRule rule : RULES) {
            EvaluationResult result = rule.evaluate(fixture);
            assertTrue(result.hasViolation(), "expected a violation of: " + rule.getDescription());
        }
    }
}
