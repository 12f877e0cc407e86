package io.paddock.recipes.barriers;

import io.paddock.client.PaddockClient;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.client.exception.NoNodeException;
import io.paddock.client.exception.NodeExistsException;
import io.paddock.recipes.nodes.ZNodePaths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A barrier: while its node exists, {@link #waitOnBarrier} blocks; removing the node lets
 * every waiter through. The node is persistent, so the barrier outlives the process that set
 * it.
 *
 * <p>Thread-safe. Waiters block on this object's monitor; the watch only notifies it.
 */
public final class DistributedBarrier {
    private final PaddockClient client;
    private final String path;
    private final Watcher watcher = this::onWatchEvent;

    public DistributedBarrier(PaddockClient client, String path) {
        this.client = client;
        this.path = ZNodePaths.makePath(path);
    }

    /** Raises the barrier (creating its node); harmless if already raised. */
    public void setBarrier() {
        try {
            client.create().creatingParentContainersIfNeeded().forPath(path);
        } catch (NodeExistsException already) {
            // raised by someone else: same effect
        }
    }

    /** Lowers the barrier, releasing every waiter; harmless if not raised. */
    public void removeBarrier() {
        try {
            client.delete().forPath(path);
        } catch (NoNodeException already) {
            // not raised
        }
    }

    /** Blocks until the barrier is down; false if {@code max} passed first. */
    public synchronized boolean waitOnBarrier(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (client.checkExists().watched(watcher).forPath(path) != null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private synchronized void onWatchEvent(WatchedEvent event) {
        notifyAll();
    }
}
