package io.paddock.server.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests one pipeline stage takes per Disruptor batch: the batching that group
 * commit and one flush per connection come from, and the first figure to look at when latency
 * rises under load. Written by the stage's one thread at the end of each batch; read by anyone.
 */
public final class StageBatches {
    private final String stage;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private volatile long last;
    private volatile long max;
    private int current; // the stage's thread only

    StageBatches(String stage) {
        this.stage = stage;
    }

    /** Counts one event; at the end of its batch, records the batch. Stage thread only. */
    void event(boolean endOfBatch) {
        current++;
        if (endOfBatch) {
            int size = current;
            current = 0;
            batches.incrementAndGet();
            events.addAndGet(size);
            last = size;
            if (size > max) {
                max = size;
            }
        }
    }

    public String stage() {
        return stage;
    }

    /** Events per batch since start. */
    public double average() {
        long b = batches.get();
        return b == 0 ? 0 : (double) events.get() / b;
    }

    public long last() {
        return last;
    }

    public long max() {
        return max;
    }
}
