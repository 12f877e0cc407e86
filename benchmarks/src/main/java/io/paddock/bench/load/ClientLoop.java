package io.paddock.bench.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A closed loop on one session: {@code outstanding} requests in flight, the next issued from
 * the completion of the last, until the budget is spent. Every request is answered or counted.
 *
 * <p>One instance runs one repeat. Completions of one session arrive on that client's event
 * thread; counters are atomic and the histogram is guarded by this object.
 */
final class ClientLoop {
    private final ClientOps client;
    private final RowKind kind;
    private final long total;
    private final Keyspace keys;
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final ErrorTally errors = new ErrorTally();
    private final Histogram latencies = new Histogram(3);
    private long succeeded;

    ClientLoop(ClientOps client, RowKind kind, long total, Keyspace keys) {
        if (kind != RowKind.GET_DATA && kind != RowKind.SET_DATA) {
            throw new IllegalArgumentException(kind + " is not a client row");
        }
        this.client = client;
        this.kind = kind;
        this.total = total;
        this.keys = keys;
    }

    RowOutcome run(int outstanding, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < outstanding; i++) {
            issueNext();
        }
        boolean done = finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long elapsed = System.nanoTime() - start;
        if (!done) {
            long seen = completed.getAndAdd(total + 1);
            errors.add("TIMEOUT", total - seen);
        }
        synchronized (this) {
            return new RowOutcome(total, succeeded, errors.snapshot(), elapsed, latencies.copy());
        }
    }

    private void issueNext() {
        long seq = issued.getAndIncrement();
        if (seq >= total) {
            return;
        }
        long start = System.nanoTime();
        String key = keys.key(seq);
        if (kind == RowKind.GET_DATA) {
            client.getData(key, error -> done(start, error));
        } else {
            client.setData(key, keys.value(), error -> done(start, error));
        }
    }

    private void done(long start, String error) {
        long latency = System.nanoTime() - start;
        long n = completed.incrementAndGet();
        if (n > total) {
            return;
        }
        if (error == null) {
            synchronized (this) {
                latencies.recordValue(latency);
                succeeded++;
            }
        } else {
            errors.add(error, 1);
        }
        if (n == total) {
            finished.countDown();
        } else {
            issueNext();
        }
    }
}
