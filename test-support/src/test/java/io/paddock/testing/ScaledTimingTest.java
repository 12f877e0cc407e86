package io.paddock.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The knob end to end: this class runs in its own Surefire execution with
 * {@code -Dpaddock.timing.factor=0.02}, so every bound is a fiftieth of its nominal value.
 */
class ScaledTimingTest {
    private static final double FACTOR = 0.02;

    @BeforeEach
    void onlyAtTheFactorThisExecutionSets() {
        assumeTrue(Timing.factor() == FACTOR, "run by the scaled-timing Surefire execution");
    }

    @Test
    void aNamedWaitIsScaled() {
        assertEquals(Duration.ofMillis(300), Timing.scaled(Duration.ofSeconds(15)));
        ConditionTimeoutException e = assertThrows(ConditionTimeoutException.class,
                () -> Timing.await(Duration.ofSeconds(15)).until(() -> false));
        assertTrue(e.getMessage().endsWith("within 300 milliseconds."), e.getMessage());
    }

    @Test
    void aWaitThatSlippedPastTimingIsScaledToo() {
        ConditionTimeoutException e = assertThrows(ConditionTimeoutException.class,
                () -> Awaitility.await().until(() -> false));
        assertTrue(e.getMessage().endsWith("within 200 milliseconds."), e.getMessage());
    }

    @Test
    void theDefaultPerTestTimeoutIsScaled() {
        assertEquals("6000 ms", System.getProperty(ScaledSuiteDefaults.TIMEOUT_KEY));
    }

    @Test
    @Timeout(60) // longer than the default the hanging tests below must run into
    void aHangingTestFailsAtTheScaledTimeoutEvenIfItIgnoresInterrupts() {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Hangs.class))
                // Both hang side by side, so this takes one timeout, not two.
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .build(), summary);
        Hangs.NEVER.complete(null);

        TestExecutionSummary result = summary.getSummary();
        assertEquals(2, result.getTestsFailedCount());
        List<Throwable> failures = result.getFailures().stream().map(f -> f.getException()).toList();
        for (Throwable failure : failures) {
            assertInstanceOf(TimeoutException.class, failure);
            assertTrue(failure.getMessage().endsWith("timed out after 6000 milliseconds"),
                    failure.getMessage());
        }
    }

    /** Run only by the launcher above (Surefire skips nested classes). */
    static class Hangs {
        static final CompletableFuture<Void> NEVER = new CompletableFuture<>();

        @Test
        void waitsForALatchNobodyOpens() throws InterruptedException {
            new CountDownLatch(1).await();
        }

        @Test
        void joinsAFutureNobodyCompletes() {
            NEVER.join();
        }
    }
}
