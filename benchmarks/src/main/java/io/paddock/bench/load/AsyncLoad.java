package io.paddock.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load through a client's async API ({@link ClientOps}: the official ZooKeeper
 * client or Paddock's): each session keeps {@code outstanding} requests in flight, issuing the
 * next one from the completion of the last, until the row's request budget is spent. Latency is
 * measured from the async call to its completion, so it includes the client's own queueing, the
 * same for either server.
 *
 * <p>One instance runs one repeat. Completions of one session run on that session's client
 * thread; counters are atomic and each lane's histogram is guarded by the lane.
 */
final class AsyncLoad {
    private final RowKind kind;
    private final long total;
    private final Keyspace keys;
    private final String createParent;
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final ErrorTally errors = new ErrorTally();
    private final List<Lane> lanes = new ArrayList<>();

    /**
     * @param createParent the parent of the nodes a CREATE row makes; fresh for each repeat
     *     (null for the other rows)
     */
    AsyncLoad(RowKind kind, long total, Keyspace keys, String createParent) {
        switch (kind) {
            case CREATE, SET_DATA, GET_DATA, EXISTS, MIXED -> { }
            default -> throw new IllegalArgumentException(kind + " is not an async load row");
        }
        this.kind = kind;
        this.total = total;
        this.keys = keys;
        this.createParent = createParent;
    }

    /** Runs the load over the sessions and reports every request as answered or failed. */
    RowOutcome run(List<? extends ClientOps> sessions, int outstanding, Duration timeout)
            throws InterruptedException {
        for (ClientOps client : sessions) {
            lanes.add(new Lane(client));
        }
        long start = System.nanoTime();
        for (int i = 0; i < outstanding; i++) {
            for (Lane lane : lanes) {
                issueNext(lane);
            }
        }
        boolean done = finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long elapsed = System.nanoTime() - start;
        if (!done) {
            // Whatever has not come back by now is a failure; later completions are ignored.
            long seen = completed.getAndAdd(total + 1);
            errors.add("TIMEOUT", total - seen);
        }
        Histogram merged = new Histogram(3);
        long ok = 0;
        for (Lane lane : lanes) {
            synchronized (lane) {
                merged.add(lane.latencies);
                ok += lane.succeeded;
            }
        }
        return new RowOutcome(total, ok, errors.snapshot(), elapsed, merged);
    }

    private void issueNext(Lane lane) {
        long seq = issued.getAndIncrement();
        if (seq < total) {
            lane.issue(seq);
        }
    }

    /** One session's share of the load. */
    private final class Lane {
        private final ClientOps client;
        private final Histogram latencies = new Histogram(3);
        private long succeeded;

        Lane(ClientOps client) {
            this.client = client;
        }

        void issue(long seq) {
            long start = System.nanoTime();
            ClientOps.Completion done = error -> done(start, error);
            switch (kind) {
                case CREATE -> client.create(createParent + "/n" + seq, keys.value(), done);
                case SET_DATA -> client.setData(keys.key(seq), keys.value(), done);
                case GET_DATA -> client.getData(keys.key(seq), done);
                case EXISTS -> client.exists(keys.key(seq), done);
                default -> issueMixed(done);
            }
        }

        private void issueMixed(ClientOps.Completion done) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String key = keys.key(r.nextInt(keys.size()));
            if (r.nextInt(10) == 0) {
                client.setData(key, keys.value(), done);
            } else {
                client.getData(key, done);
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
                issueNext(this);
            }
        }
    }
}
