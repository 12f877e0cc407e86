package io.paddock.server.net;

import io.paddock.protocol.op.OpCode;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** Per-connection counters shown by the cons four-letter word. Thread-safe. */
public final class ConnectionStats {
    private final long established = System.currentTimeMillis();
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder totalLatencyNanos = new LongAdder();
    private final LongAccumulator minLatency = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator maxLatency = new LongAccumulator(Math::max, 0);
    private final AtomicLong lastLatency = new AtomicLong();
    private volatile int lastCxid;
    private volatile int lastOp = Integer.MIN_VALUE;

    void received() {
        received.increment();
    }

    void sent() {
        sent.increment();
    }

    void operation(int cxid, int op) {
        lastCxid = cxid;
        lastOp = op;
    }

    void completed(long latencyNanos) {
        completed.increment();
        totalLatencyNanos.add(latencyNanos);
        minLatency.accumulate(latencyNanos);
        maxLatency.accumulate(latencyNanos);
        lastLatency.set(latencyNanos);
    }

    /** One line in ZooKeeper's cons format after the address, e.g. "[1](queued=0,recved=3,...)". */
    public String describe(long sessionId, int timeout) {
        long n = completed.sum();
        long min = n == 0 ? 0 : minLatency.get() / 1_000_000;
        return "[1](queued=0,recved=" + received.sum() + ",sent=" + sent.sum()
                + ",sid=0x" + Long.toHexString(sessionId)
                + ",lop=" + (lastOp == Integer.MIN_VALUE ? "NA" : OpCode.name(lastOp))
                + ",est=" + established + ",to=" + timeout
                + ",lcxid=0x" + Integer.toHexString(lastCxid)
                + ",llat=" + lastLatency.get() / 1_000_000 + ",minlat=" + min
                + ",avglat=" + (n == 0 ? 0 : totalLatencyNanos.sum() / n / 1_000_000)
                + ",maxlat=" + maxLatency.get() / 1_000_000 + ")";
    }

    public long receivedCount() {
        return received.sum();
    }

    public long sentCount() {
        return sent.sum();
    }
}
