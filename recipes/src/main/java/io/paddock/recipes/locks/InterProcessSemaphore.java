package io.paddock.recipes.locks;

import io.paddock.client.CreateMode;
import io.paddock.client.PaddockClient;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.client.exception.NoNodeException;
import io.paddock.recipes.nodes.ZNodePaths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A counting semaphore across processes: at most {@code maxLeases} leases out at once. Leases
 * are ephemeral sequential nodes under {@code <path>/leases}; a holder whose session expires
 * gives its lease back.
 *
 * <p>Waiters queue on an {@link InterProcessMutex} at {@code <path>/locks} (each watching only
 * its predecessor); only the head of that queue watches the leases, so returning a lease wakes
 * one process, not all of them. Leases are granted in arrival order. All users of a path must
 * agree on {@code maxLeases}.
 *
 * <p>Thread-safe.
 */
public final class InterProcessSemaphore {
    private final PaddockClient client;
    private final String leasesPath;
    private final int maxLeases;
    private final InterProcessMutex queue;
    private final Watcher watcher = this::onWatchEvent;

    public InterProcessSemaphore(PaddockClient client, String path, int maxLeases) {
        if (maxLeases < 1) {
            throw new IllegalArgumentException("maxLeases must be at least 1");
        }
        this.client = client;
        this.leasesPath = ZNodePaths.makePath(path, "leases");
        this.maxLeases = maxLeases;
        this.queue = new InterProcessMutex(client, ZNodePaths.makePath(path, "locks"));
    }

    /** Blocks until a lease is granted. */
    public Lease acquire() throws InterruptedException {
        return acquire(null);
    }

    /** @return a lease, or null if {@code max} (null: no limit) passed first */
    public Lease acquire(Duration max) throws InterruptedException {
        long deadline = max == null ? Long.MAX_VALUE : System.nanoTime() + max.toNanos();
        if (!queue.acquire(max)) {
            return null;
        }
        try {
            String ours = client.create().creatingParentContainersIfNeeded().withProtection()
                    .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                    .forPath(ZNodePaths.makePath(leasesPath, "lease-"));
            if (waitForRoom(ours, deadline)) {
                return new Lease(this, ours);
            }
            returnLease(ours);
            return null;
        } finally {
            queue.release();
        }
    }

    /** The lease nodes' names. */
    public List<String> leaseNodes() {
        try {
            return client.getChildren().forPath(leasesPath);
        } catch (NoNodeException none) {
            return List.of();
        }
    }

    void returnLease(String path) {
        try {
            client.delete().guaranteed().forPath(path);
        } catch (NoNodeException gone) {
            // the session that held it expired
        }
    }

    private synchronized boolean waitForRoom(String ours, long deadline)
            throws InterruptedException {
        while (true) {
            List<String> leases = client.getChildren().watched(watcher).forPath(leasesPath);
            if (leases.size() <= maxLeases) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.DAYS.toNanos(1)));
        }
    }

    private synchronized void onWatchEvent(WatchedEvent event) {
        notifyAll();
    }
}
