package io.paddock.client.internal;

/** Runs a task after a pause; the I/O event loop in production, a fake in tests. */
@FunctionalInterface
public interface Scheduler {
    void schedule(Runnable task, long delayNanos);
}
