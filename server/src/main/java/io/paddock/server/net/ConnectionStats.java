package io.paddock.server.net;

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
    private volatile long lastZxid = -1;
    private volatile long lastResponseTime;

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

    void replied(long zxid, long nowMillis) {
        lastZxid = zxid;
        lastResponseTime = nowMillis;
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
                + ",lop=" + lastOperation()
                + ",est=" + established + ",to=" + timeout
                + ",lcxid=0x" + Integer.toHexString(lastCxid)
                + ",llat=" + lastLatency.get() / 1_000_000 + ",minlat=" + min
                + ",avglat=" + (n == 0 ? 0 : totalLatencyNanos.sum() / n / 1_000_000)
                + ",maxlat=" + maxLatency.get() / 1_000_000 + ")";
    }

    public long established() {
        return established;
    }

    public int lastCxid() {
        return lastCxid;
    }

    /** ZooKeeper's short code of the last operation (GETD, SETD, ...), or NA before any. */
    public String lastOperation() {
        return lastOp == Integer.MIN_VALUE ? "NA" : LastOperation.code(lastOp);
    }

    /** The zxid of the last reply, -1 before any. */
    public long lastZxid() {
        return lastZxid;
    }

    /** Wall-clock milliseconds of the last reply, 0 before any. */
    public long lastResponseTime() {
        return lastResponseTime;
    }

    public long lastLatencyMs() {
        return lastLatency.get() / 1_000_000;
    }

    public long minLatencyMs() {
        return completed.sum() == 0 ? 0 : minLatency.get() / 1_000_000;
    }

    public long avgLatencyMs() {
        long n = completed.sum();
        return n == 0 ? 0 : totalLatencyNanos.sum() / n / 1_000_000;
    }

    public long maxLatencyMs() {
        return maxLatency.get() / 1_000_000;
    }

    public long receivedCount() {
        return received.sum();
    }

    public long sentCount() {
        return sent.sum();
    }
}
