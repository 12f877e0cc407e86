package io.paddock.bench.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * Watch notification latency: one session sets a data watch, another session calls setData,
 * and the time from that call until the event reaches the first session's watcher is one
 * sample. One notification at a time, so the rate is the inverse of the round trip.
 *
 * <p>Not thread-safe: run from one thread; the watcher completes a future on the event thread.
 */
final class WatchLatency {
    private final ZooKeeper watching;
    private final ZooKeeper writing;
    private final String path;
    private final byte[] value;

    WatchLatency(ZooKeeper watching, ZooKeeper writing, String path, byte[] value) {
        this.watching = watching;
        this.writing = writing;
        this.path = path;
        this.value = value;
    }

    RowOutcome run(long events, Duration perEventTimeout) throws InterruptedException {
        Histogram latencies = new Histogram(3);
        ErrorTally errors = new ErrorTally();
        long ok = 0;
        long start = System.nanoTime();
        for (long i = 0; i < events; i++) {
            try {
                latencies.recordValue(once(perEventTimeout));
                ok++;
            } catch (KeeperException e) {
                errors.add(e.code().name(), 1);
            } catch (TimeoutException e) {
                errors.add("TIMEOUT", 1);
            } catch (ExecutionException e) {
                errors.add(e.getCause().getClass().getSimpleName(), 1);
            }
        }
        return new RowOutcome(events, ok, errors.snapshot(), System.nanoTime() - start, latencies);
    }

    private long once(Duration timeout) throws KeeperException, InterruptedException,
            TimeoutException, ExecutionException {
        CompletableFuture<Long> fired = new CompletableFuture<>();
        Watcher watcher = event -> {
            if (event.getType() == Watcher.Event.EventType.NodeDataChanged) {
                fired.complete(System.nanoTime());
            }
        };
        if (watching.exists(path, watcher) == null) {
            throw KeeperException.create(KeeperException.Code.NONODE, path);
        }
        CompletableFuture<Integer> reply = new CompletableFuture<>();
        long sent = System.nanoTime();
        writing.setData(path, value, -1, (rc, p, ctx, stat) -> reply.complete(rc), null);
        long arrived = fired.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int rc = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (rc != KeeperException.Code.OK.intValue()) {
            throw KeeperException.create(KeeperException.Code.get(rc), path);
        }
        return arrived - sent;
    }
}
