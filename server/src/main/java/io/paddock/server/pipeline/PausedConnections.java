package io.paddock.server.pipeline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Connections that stopped reading because a ring was full, and what starts them again: the
 * last stage of each ring, at the end of every batch and once its slots are free, reports how
 * many slots are still taken. At or below the low-water mark (half the ring) each paused
 * connection gets a task on its own I/O thread that publishes what it holds back and, once that
 * is all in, reads again.
 *
 * <p>Thread-safe: connections register from their I/O threads; the persist and reply threads
 * signal. A connection that registers and then finds no room is woken by a later signal: the
 * stage frees its slots (a volatile store) before it looks here, and the connection registers
 * (a full fence) before it tries the ring again, so one of the two sees the other.
 */
final class PausedConnections {
    private final Set<ClientChannel> paused = ConcurrentHashMap.newKeySet();
    private final LongAdder pauses = new LongAdder();
    private final Consumer<ClientChannel> resume;
    private final long lowWater;
    private final LongSupplier outstanding;
    private final long outstandingLowWater;

    /**
     * @param resume publishes a connection's backlog; runs on that connection's I/O thread
     * @param ringSize the size of each ring
     */
    PausedConnections(Consumer<ClientChannel> resume, int ringSize) {
        this(resume, ringSize, () -> 0, 0);
    }

    /**
     * @param outstanding requests in both rings now
     * @param outstandingLimit globalOutstandingLimit (0 for none): paused connections also
     *     wait until the rings together hold no more than half of it
     */
    PausedConnections(Consumer<ClientChannel> resume, int ringSize, LongSupplier outstanding,
            int outstandingLimit) {
        this.resume = resume;
        this.lowWater = ringSize / 2;
        this.outstanding = outstanding;
        this.outstandingLowWater = outstandingLimit > 0 ? outstandingLimit / 2 : Long.MAX_VALUE;
    }

    void paused(ClientChannel c) {
        pauses.increment();
        paused.add(c);
    }

    void waitForRoom(ClientChannel c) {
        paused.add(c);
    }

    void forget(ClientChannel c) {
        paused.remove(c);
    }

    /** Called by a ring's last stage at the end of a batch, after it freed the batch's slots. */
    void ringHolds(long taken) {
        if (taken > lowWater || paused.isEmpty() || outstanding.getAsLong() > outstandingLowWater) {
            return;
        }
        for (ClientChannel c : paused) {
            if (paused.remove(c)) {
                c.runOnIoThread(() -> resume.accept(c));
            }
        }
    }

    /** Connections not reading now. */
    int count() {
        return paused.size();
    }

    /** Times a connection stopped reading because a ring was full, since start. */
    long pauses() {
        return pauses.sum();
    }
}
