package io.paddock.client.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's single event thread: connection-state listeners, watchers and async callbacks run
 * here, one at a time, in the order they were posted. Network threads only post to it.
 *
 * <p>Thread-safe. A task that throws is logged and the thread goes on with the next.
 */
public final class EventDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final ExecutorService executor;
    private volatile Thread thread;

    public EventDispatcher(String name) {
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    thread = t;
                    return t;
                });
    }

    public void post(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.warn("an event handler threw", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("event dropped: the client is closed");
        }
    }

    public boolean inEventThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs what was already posted, then stops. */
    @Override
    public void close() {
        executor.shutdown();
        if (inEventThread()) {
            return;
        }
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
