package io.paddock.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The factor's reading and arithmetic, at whatever factor this JVM runs with. */
class TimingTest {

    @Test
    void theFactorDefaultsToOneAndThePropertyWinsOverTheEnvironment() {
        assertEquals(1.0, Timing.parseFactor(null, null));
        assertEquals(1.0, Timing.parseFactor(" ", ""));
        assertEquals(2.5, Timing.parseFactor(null, "2.5"));
        assertEquals(3.0, Timing.parseFactor("3", "2.5"));
    }

    @Test
    void aBadFactorIsRefusedNamingWhereItCameFrom() {
        IllegalArgumentException notANumber =
                assertThrows(IllegalArgumentException.class, () -> Timing.parseFactor("fast", null));
        assertEquals("-Dpaddock.timing.factor=fast: not a number", notANumber.getMessage());
        IllegalArgumentException zero =
                assertThrows(IllegalArgumentException.class, () -> Timing.parseFactor(null, "0"));
        assertTrue(zero.getMessage().startsWith("PADDOCK_TIMING_FACTOR=0: "), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Timing.parseFactor("-1", null));
        assertThrows(IllegalArgumentException.class, () -> Timing.parseFactor("NaN", null));
        assertThrows(IllegalArgumentException.class, () -> Timing.parseFactor("Infinity", null));
    }

    @Test
    void scalingMultipliesEveryDurationByTheFactor() {
        assertEquals(Duration.ofSeconds(30), Timing.scale(Duration.ofSeconds(10), 3));
        assertEquals(Duration.ofMillis(1500), Timing.scale(Duration.ofSeconds(1), 1.5));
        assertEquals(Duration.ofNanos(500), Timing.scale(Duration.ofNanos(1000), 0.5));
        assertEquals(Duration.ofNanos(Long.MAX_VALUE), Timing.scale(Duration.ofDays(365 * 200), 10));
    }

    @Test
    void everyHelperUsesThisJvmsFactor() {
        double factor = Timing.factor();
        assertEquals(Timing.scale(Duration.ofSeconds(15), factor), Timing.scaled(Duration.ofSeconds(15)));
        assertEquals(Timing.scale(Timing.DEFAULT_WAIT, factor), Timing.waitTime());
    }

    @Test
    void theHelpersReturnWhatTheyWaitedFor() throws Exception {
        CountDownLatch open = new CountDownLatch(0);
        assertTrue(Timing.latch(open));
        assertFalse(Timing.latch(new CountDownLatch(1), Duration.ofMillis(1)));
        assertEquals("x", Timing.get(CompletableFuture.completedFuture("x")));
        assertThrows(TimeoutException.class,
                () -> Timing.get(new CompletableFuture<String>(), Duration.ofMillis(1)));
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        assertNull(Timing.poll(queue, Duration.ofMillis(1)));
        queue.add("y");
        assertEquals("y", Timing.poll(queue, Duration.ofMillis(1)));
        Thread done = new Thread(() -> { });
        done.start();
        assertTrue(Timing.join(done, Duration.ofSeconds(10)));
        Timing.await().until(() -> true);
    }
}
