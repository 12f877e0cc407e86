package io.paddock.recipes.barriers;

import io.paddock.client.CreateMode;
import io.paddock.client.PaddockClient;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.client.exception.NoNodeException;
import io.paddock.client.exception.NodeExistsException;
import io.paddock.recipes.nodes.ZNodePaths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A double barrier: {@link #enter} blocks until {@code memberQty} participants have entered,
 * {@link #leave} blocks until every participant has left. Each participant is an ephemeral
 * child of the barrier path; the participant that completes the group creates a {@code ready}
 * node that releases everyone waiting to enter.
 *
 * <p>Guarantees: nobody passes {@code enter} before {@code memberQty} participants are in; nobody
 * passes {@code leave} while another participant is still in; a participant whose session
 * dies counts as having left. One instance is one participant, used by one thread at a time.
 *
 * <p>Thread-safe for that use; the watches only notify this object's monitor.
 */
public final class DistributedDoubleBarrier {
    private static final String READY = "ready";

    private final PaddockClient client;
    private final String path;
    private final String readyPath;
    private final String ourPath;
    private final int memberQty;
    private final Watcher watcher = this::onWatchEvent;

    public DistributedDoubleBarrier(PaddockClient client, String path, int memberQty) {
        this.client = client;
        this.path = ZNodePaths.makePath(path);
        this.readyPath = ZNodePaths.makePath(this.path, READY);
        this.ourPath = ZNodePaths.makePath(this.path, UUID.randomUUID().toString());
        this.memberQty = memberQty;
    }

    /** Enters; true once {@code memberQty} are in, false if {@code max} passed (we left again). */
    public synchronized boolean enter(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        client.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL)
                .forPath(ourPath);
        while (client.checkExists().watched(watcher).forPath(readyPath) == null) {
            if (participants().size() >= memberQty) {
                try {
                    client.create().forPath(readyPath);
                } catch (NodeExistsException raced) {
                    // another participant completed the group at the same time
                }
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                deleteOurs();
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Leaves; true once every participant has left, false if {@code max} passed first. */
    public synchronized boolean leave(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        deleteOurs();
        while (true) {
            List<String> inside = watchedParticipants();
            if (inside.isEmpty()) {
                try {
                    client.delete().forPath(readyPath);
                } catch (NoNodeException alreadyReset) {
                    // another leaver reset the barrier
                }
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private List<String> participants() {
        return client.getChildren().forPath(path).stream()
                .filter(n -> !READY.equals(n)).toList();
    }

    private List<String> watchedParticipants() {
        try {
            return client.getChildren().watched(watcher).forPath(path).stream()
                    .filter(n -> !READY.equals(n)).toList();
        } catch (NoNodeException gone) {
            return List.of();
        }
    }

    private void deleteOurs() {
        try {
            client.delete().forPath(ourPath);
        } catch (NoNodeException gone) {
            // the session that held it expired
        }
    }

    private synchronized void onWatchEvent(WatchedEvent event) {
        notifyAll();
    }
}
