package io.paddock.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Start-up work run on its own daemon thread beside the recovery, and collected after it.
 * A failure is rethrown where the result is awaited, as the unchecked exception it was.
 *
 * <p>Thread-safe; each task gets a thread of its own, which ends with the task.
 */
final class StartupTasks {

    <T> CompletableFuture<T> run(String threadName, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(task.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** The task's result, or its failure rethrown. */
    static <T> T await(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** After a failed start: releases what the task made, once it is done, if it succeeded. */
    static <T> void release(CompletableFuture<T> task, Consumer<T> closer) {
        try {
            T made = task.join();
            if (made != null) {
                closer.accept(made);
            }
        } catch (CompletionException ignored) {
            // it failed as well: nothing was made, and the first failure is the one reported
        }
    }
}
