package io.paddock.recipes.nodes;

import io.paddock.client.ConnectionState;
import io.paddock.client.ConnectionStateListener;
import io.paddock.client.CreateMode;
import io.paddock.client.PaddockClient;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.client.exception.NodeExistsException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An ephemeral node at a fixed path that this client keeps in place for as long as it is open:
 * re-created after the session is lost (and whenever it is deleted), with the latest data.
 * Missing parents are created as containers. Membership and service registration rest on it.
 *
 * <p>Guarantees: while the client is connected and the recipe open, the node exists with the
 * last data given, except for the short time it takes to notice a deletion and create it again.
 * If a node of an expired session of ours is still there, its data is overwritten and it is
 * watched, so it is replaced as soon as the server removes it. {@link #close()} deletes it.
 *
 * <p>Thread-safe. The work runs on the client's event thread through async calls.
 */
public final class EphemeralNode implements AutoCloseable {
    private final PaddockClient client;
    private final String path;
    private final Watcher watcher = this::onWatchEvent;
    private final ConnectionStateListener connectionListener = this::onStateChanged;
    private final CountDownLatch firstCreate = new CountDownLatch(1);
    private volatile byte[] data;
    private volatile boolean closed;

    public EphemeralNode(PaddockClient client, String path, byte[] data) {
        this.client = client;
        this.path = ZNodePaths.makePath(path);
        this.data = data.clone();
    }

    /** Starts creating the node in the background. */
    public EphemeralNode start() {
        client.addConnectionStateListener(connectionListener);
        create();
        return this;
    }

    /** Waits until the node was created the first time; false if {@code max} passed. */
    public boolean awaitCreated(Duration max) throws InterruptedException {
        return firstCreate.await(max.toNanos(), TimeUnit.NANOSECONDS);
    }

    public String path() {
        return path;
    }

    /** Replaces the node's data now, and for every later re-creation. */
    public void setData(byte[] value) {
        data = value.clone();
        client.setData().forPath(path, data);
    }

    /** Stops keeping the node and deletes it (guaranteed: retried after a reconnect). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.removeConnectionStateListener(connectionListener);
        client.async().delete().guaranteed().forPath(path);
    }

    private void create() {
        if (closed) {
            return;
        }
        client.async().create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL)
                .forPath(path, data).whenComplete((created, error) -> {
                    if (error == null) {
                        firstCreate.countDown();
                        watch();
                    } else if (Failures.cause(error) instanceof NodeExistsException) {
                        adoptExisting();
                    }
                    // any other failure: the next RECONNECTED tries again
                });
    }

    /** A node already there may be a leftover of our expired session: make it ours to watch. */
    private void adoptExisting() {
        client.async().setData().forPath(path, data).whenComplete((stat, error) -> {
            if (error == null) {
                firstCreate.countDown();
            }
            watch();
        });
    }

    private void watch() {
        if (closed) {
            return;
        }
        client.async().checkExists().watched(watcher).forPath(path).whenComplete((stat, error) -> {
            if (error == null && stat == null) {
                create();
            }
        });
    }

    private void onWatchEvent(WatchedEvent event) {
        if (event.type() == WatchedEvent.Type.NODE_DELETED) {
            create();
        } else if (event.type() != WatchedEvent.Type.SESSION_EXPIRED) {
            watch();
        }
    }

    private void onStateChanged(PaddockClient c, ConnectionState state) {
        if (state == ConnectionState.RECONNECTED) {
            create();
        }
    }
}
