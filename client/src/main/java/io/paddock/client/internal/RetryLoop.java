package io.paddock.client.internal;

import io.paddock.client.exception.ConnectionLossException;
import io.paddock.client.exception.OperationTimeoutException;
import io.paddock.client.exception.SessionMovedException;
import io.paddock.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Runs an asynchronous operation again when it fails with a retryable error and the policy
 * allows, pausing through a {@link Scheduler} rather than a sleeping thread. The attempt gets its
 * number (0 for the first) so it can do recovery work before retrying, as a protected create
 * looks for the node its lost attempt may have made.
 *
 * <p>Thread-safe; the clock and scheduler are injected so tests control time.
 */
public final class RetryLoop {
    private final LongSupplier nanoClock;
    private final Scheduler scheduler;

    public RetryLoop(LongSupplier nanoClock, Scheduler scheduler) {
        this.nanoClock = nanoClock;
        this.scheduler = scheduler;
    }

    public <T> CompletableFuture<T> run(RetryPolicy policy, IntFunction<CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(policy, attempt, 0, nanoClock.getAsLong(), result);
        return result;
    }

    private <T> void attempt(RetryPolicy policy, IntFunction<CompletableFuture<T>> attempt,
            int number, long start, CompletableFuture<T> result) {
        CompletableFuture<T> f;
        try {
            f = attempt.apply(number);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        f.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Throwable cause = unwrap(error);
            Optional<Duration> delay = isRetryable(cause)
                    ? policy.nextDelay(number, Duration.ofNanos(nanoClock.getAsLong() - start))
                    : Optional.empty();
            if (delay.isEmpty()) {
                result.completeExceptionally(cause);
                return;
            }
            scheduler.schedule(() -> attempt(policy, attempt, number + 1, start, result),
                    delay.get().toNanos());
        });
    }

    /** The errors after which the operation may not have been applied and the session lives. */
    public static boolean isRetryable(Throwable error) {
        return error instanceof ConnectionLossException
                || error instanceof OperationTimeoutException
                || error instanceof SessionMovedException;
    }

    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }
}
