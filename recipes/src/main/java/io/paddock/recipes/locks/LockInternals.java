package io.paddock.recipes.locks;

import io.paddock.client.CreateMode;
import io.paddock.client.PaddockClient;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.client.exception.NoNodeException;
import io.paddock.client.exception.PaddockException;
import io.paddock.recipes.nodes.ZNodePaths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue every lock flavour is built on: contenders are ephemeral sequential children of the
 * lock path, created with a protected name so a create retried after a connection loss finds its
 * own node instead of leaving an orphan. A contender that does not hold the lock watches only
 * the node its {@link LockDriver} names, then looks again when that node changes or goes.
 *
 * <p>Because the nodes are ephemeral, a holder whose session expires releases the lock: the
 * server deletes its node and the next contender's watch fires.
 *
 * <p>Thread-safe. Blocking calls wait on this object's monitor; the watcher (client event thread)
 * only notifies it.
 */
final class LockInternals {
    private static final int SUFFIX = ZNodePaths.SEQUENTIAL_SUFFIX_LENGTH;

    private final PaddockClient client;
    private final String basePath;
    private final String nodePrefix;
    private final LockDriver driver;
    private final AtomicLong wakeups = new AtomicLong();
    private final Watcher watcher = this::onWatchEvent;

    /**
     * @param basePath the lock's path; contenders are created under it
     * @param marker the name of each contender node before its sequence number, e.g. "lock-"
     */
    LockInternals(PaddockClient client, String basePath, String marker, LockDriver driver) {
        this.client = client;
        this.basePath = ZNodePaths.makePath(basePath);
        this.nodePrefix = ZNodePaths.makePath(this.basePath, marker);
        this.driver = driver;
    }

    String basePath() {
        return basePath;
    }

    /** How many watch notifications woke a waiter of this lock so far. */
    long wakeups() {
        return wakeups.get();
    }

    /**
     * Queues up and waits until the driver says our node holds the lock.
     *
     * @param max how long to wait; null for no limit
     * @return the path of our lock node, or null if {@code max} passed first (our node is gone)
     */
    String attemptLock(Duration max, byte[] data) throws InterruptedException {
        long deadline = max == null ? Long.MAX_VALUE : System.nanoTime() + max.toNanos();
        String[] ours = {createNode(data)};
        boolean holds = false;
        try {
            holds = waitUntilHeld(ours, deadline, data);
            return holds ? ours[0] : null;
        } finally {
            if (!holds) {
                deleteQuietly(ours[0]);
            }
        }
    }

    private String createNode(byte[] data) {
        return client.create().creatingParentContainersIfNeeded().withProtection()
                .withMode(CreateMode.EPHEMERAL_SEQUENTIAL).forPath(nodePrefix, data);
    }

    /** @param ours our node's path; replaced if the node had to be created again */
    private boolean waitUntilHeld(String[] ours, long deadline, byte[] data)
            throws InterruptedException {
        while (true) {
            List<String> sorted = sortedContenders();
            String name = ZNodePaths.getNodeFromPath(ours[0]);
            if (!sorted.contains(name)) {
                // Our node went with an expired session while we waited: queue up again.
                ours[0] = createNode(data);
                continue;
            }
            LockDriver.Decision decision = driver.decide(sorted, name);
            if (decision.acquired()) {
                return true;
            }
            if (!waitOn(ZNodePaths.makePath(basePath, decision.waitOn()), deadline)) {
                return false;
            }
        }
    }

    /** Waits for a change of {@code path}; false if the deadline passed. */
    private synchronized boolean waitOn(String path, long deadline) throws InterruptedException {
        try {
            client.getData().watched(watcher).forPath(path);
        } catch (NoNodeException gone) {
            return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.DAYS.toNanos(1)));
        return true;
    }

    private synchronized void onWatchEvent(WatchedEvent event) {
        wakeups.incrementAndGet();
        notifyAll();
    }

    /** The contenders, in sequence order. */
    List<String> sortedContenders() {
        return client.getChildren().forPath(basePath).stream()
                .filter(driver::isContender)
                .sorted(ZNodePaths::compareSequential)
                .toList();
    }

    /** Deletes a lock node; guaranteed, so a connection loss does not leave the lock held. */
    void release(String path) {
        try {
            client.delete().guaranteed().forPath(path);
        } catch (NoNodeException alreadyGone) {
            // our session expired: the server released it for us
        }
    }

    private void deleteQuietly(String path) {
        if (path == null) {
            return;
        }
        // An interrupted waiter must still take its node out of the queue.
        boolean interrupted = Thread.interrupted();
        try {
            release(path);
        } catch (PaddockException e) {
            // guaranteed delete keeps trying in the background
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True if {@code name} is {@code <anything>marker<10 digits>}. */
    static boolean hasMarker(String name, String marker) {
        int at = name.length() - SUFFIX - marker.length();
        return at >= 0 && name.startsWith(marker, at)
                && Character.isDigit(name.charAt(name.length() - 1));
    }
}
