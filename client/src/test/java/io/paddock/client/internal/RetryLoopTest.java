package io.paddock.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.exception.ConnectionLossException;
import io.paddock.client.exception.NoNodeException;
import io.paddock.client.retry.RetryNTimes;
import io.paddock.client.retry.RetryUntilElapsed;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The retry loop under a fake clock: time only moves when the test runs a scheduled retry. */
class RetryLoopTest {
    private long now;
    private final ArrayDeque<Runnable> scheduled = new ArrayDeque<>();
    private final List<Long> pauses = new ArrayList<>();
    private final RetryLoop loop = new RetryLoop(() -> now, (task, nanos) -> {
        pauses.add(nanos);
        scheduled.add(() -> {
            now += nanos;
            task.run();
        });
    });

    private void runScheduled() {
        while (!scheduled.isEmpty()) {
            scheduled.poll().run();
        }
    }

    @Test
    void retriesConnectionLossUntilSuccessWithoutBlocking() {
        List<Integer> attempts = new ArrayList<>();
        CompletableFuture<String> result = loop.run(new RetryNTimes(5, Duration.ofMillis(10)), n -> {
            attempts.add(n);
            return n < 2 ? CompletableFuture.failedFuture(new ConnectionLossException("/a"))
                    : CompletableFuture.completedFuture("done");
        });
        assertFalse(result.isDone(), "waits for the scheduler, not a sleeping thread");
        runScheduled();
        assertEquals("done", result.join());
        assertEquals(List.of(0, 1, 2), attempts);
        assertEquals(List.of(10_000_000L, 10_000_000L), pauses);
    }

    @Test
    void givesUpWhenThePolicySaysSoAndReportsTheLastError() {
        CompletableFuture<String> result = loop.run(
                new RetryUntilElapsed(Duration.ofMillis(25), Duration.ofMillis(10)),
                n -> CompletableFuture.failedFuture(new ConnectionLossException("/a")));
        runScheduled();
        assertTrue(result.isCompletedExceptionally());
        assertEquals(2, pauses.size(), "retries at 10 and 20 ms; a third would start at 30");
        Throwable error = result.handle((v, e) -> e).join();
        assertInstanceOf(ConnectionLossException.class, error);
    }

    @Test
    void doesNotRetryAnAnswer() {
        List<Integer> attempts = new ArrayList<>();
        CompletableFuture<String> result = loop.run(new RetryNTimes(5, Duration.ofMillis(10)), n -> {
            attempts.add(n);
            return CompletableFuture.failedFuture(new NoNodeException("/a"));
        });
        assertInstanceOf(NoNodeException.class, result.handle((v, e) -> e).join());
        assertEquals(List.of(0), attempts);
        assertTrue(scheduled.isEmpty());
    }
}
