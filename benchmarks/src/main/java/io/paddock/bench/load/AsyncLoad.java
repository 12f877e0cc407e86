package io.paddock.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.zookeeper.AsyncCallback.DataCallback;
import org.apache.zookeeper.AsyncCallback.StatCallback;
import org.apache.zookeeper.AsyncCallback.StringCallback;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * A closed-loop load through the ZooKeeper client's async API: each session keeps
 * {@code outstanding} requests in flight, issuing the next one from the callback of the last,
 * until the row's request budget is spent. Latency is measured from the async call to its
 * callback, so it includes the client's own queueing, the same for either server.
 *
 * <p>One instance runs one repeat. Callbacks of one session run on that session's event thread;
 * counters are atomic and each lane's histogram is guarded by the lane.
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
     */
    AsyncLoad(RowKind kind, long total, Keyspace keys, String createParent) {
        this.kind = kind;
        this.total = total;
        this.keys = keys;
        this.createParent = createParent;
    }

    /** Runs the load over the sessions and reports every request as answered or failed. */
    RowOutcome run(List<ZooKeeper> sessions, int outstanding, Duration timeout)
            throws InterruptedException {
        for (ZooKeeper zk : sessions) {
            lanes.add(new Lane(zk));
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
            // Whatever has not come back by now is a failure; later callbacks are ignored.
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
    private final class Lane implements StringCallback, StatCallback, DataCallback {
        private final ZooKeeper zk;
        private final Histogram latencies = new Histogram(3);
        private long succeeded;

        Lane(ZooKeeper zk) {
            this.zk = zk;
        }

        void issue(long seq) {
            Long start = System.nanoTime();
            switch (kind) {
                case CREATE -> zk.create(createParent + "/n" + seq, keys.value(),
                        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, this, start);
                case SET_DATA -> zk.setData(keys.key(seq), keys.value(), -1, this, start);
                case GET_DATA -> zk.getData(keys.key(seq), false, this, start);
                case EXISTS -> zk.exists(keys.key(seq), false, this, start);
                case MIXED -> issueMixed(start);
                default -> throw new IllegalStateException(kind + " is not an async load row");
            }
        }

        private void issueMixed(Long start) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String key = keys.key(r.nextInt(keys.size()));
            if (r.nextInt(10) == 0) {
                zk.setData(key, keys.value(), -1, this, start);
            } else {
                zk.getData(key, false, this, start);
            }
        }

        @Override
        public void processResult(int rc, String path, Object ctx, String name) {
            done(rc, ctx);
        }

        @Override
        public void processResult(int rc, String path, Object ctx, Stat stat) {
            done(rc, ctx);
        }

        @Override
        public void processResult(int rc, String path, Object ctx, byte[] data, Stat stat) {
            done(rc, ctx);
        }

        private void done(int rc, Object ctx) {
            long latency = System.nanoTime() - (Long) ctx;
            long n = completed.incrementAndGet();
            if (n > total) {
                return;
            }
            if (rc == KeeperException.Code.OK.intValue()) {
                synchronized (this) {
                    latencies.recordValue(latency);
                    succeeded++;
                }
            } else {
                errors.add(KeeperException.Code.get(rc).name(), 1);
            }
            if (n == total) {
                finished.countDown();
            } else {
                issueNext(this);
            }
        }
    }
}
