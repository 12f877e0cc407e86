package io.paddock.server.pipeline;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts one connection's requests in the request ring (its writes, and any read queued behind
 * them) until they are applied. While it is zero, the connection's reads may skip the request
 * ring and go straight to the commit ring: nothing of theirs is still ahead of them, so they
 * cannot overtake their own session's earlier requests (ZooKeeper's per-session FIFO), and they
 * no longer wait behind other sessions' fsyncs.
 *
 * <p>Thread-safe: incremented (and withdrawn) by the connection's I/O thread, decremented by
 * the apply thread.
 */
public final class WriteFence {
    private final AtomicInteger inFlight = new AtomicInteger();

    void submitted() {
        inFlight.incrementAndGet();
    }

    void applied() {
        inFlight.decrementAndGet();
    }

    /** A request counted by {@link #submitted()} found its ring full and was not published. */
    void withdrawn() {
        inFlight.decrementAndGet();
    }

    boolean clear() {
        return inFlight.get() == 0;
    }
}
