package io.paddock.recipes.cache;

import io.paddock.client.ConnectionState;
import io.paddock.client.ConnectionStateListener;
import io.paddock.client.PaddockClient;
import io.paddock.client.StatHolder;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.client.exception.NoNodeException;
import io.paddock.recipes.nodes.Failures;
import io.paddock.recipes.nodes.ZNodePaths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local copy of one node, kept current by a persistent watch on its path: it sees the node
 * appear, change and go away.
 *
 * <p>Guarantees: listeners are told of each state the cache moves to, in the server's order; a
 * burst of changes between two reads may be reported once, with the latest state; the cached
 * {@code mzxid} never goes backwards. After a reconnect the node is re-read, so the cache
 * converges on the server's state.
 *
 * <p>Thread-safe. Listeners run on the client's event thread (the first read's may run on the
 * caller of {@code start}), one at a time; they must not block.
 */
public final class NodeCache implements AutoCloseable {
    private final PaddockClient client;
    private final String path;
    private final List<NodeCacheListener> listeners = new CopyOnWriteArrayList<>();
    private final Watcher watcher = this::onWatchEvent;
    private final ConnectionStateListener connectionListener = this::onStateChanged;
    private ChildData current;
    private boolean loaded;
    private volatile boolean closed;

    public NodeCache(PaddockClient client, String path) {
        this.client = client;
        this.path = ZNodePaths.makePath(path);
    }

    public void addListener(NodeCacheListener listener) {
        listeners.add(listener);
    }

    public void removeListener(NodeCacheListener listener) {
        listeners.remove(listener);
    }

    /** Starts watching and reading the node in the background. */
    public synchronized NodeCache start() {
        client.addConnectionStateListener(connectionListener);
        watchAndLoad();
        return this;
    }

    /** The node as last read, or empty if it does not exist (or was not read yet). */
    public synchronized Optional<ChildData> current() {
        return Optional.ofNullable(current);
    }

    /** True once the node was read at least once. */
    public synchronized boolean isLoaded() {
        return loaded;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.removeConnectionStateListener(connectionListener);
        client.async().watchers().remove(watcher).locally().forPath(path);
        listeners.clear();
    }

    private void watchAndLoad() {
        client.async().watchers().add().forPath(path, watcher).whenComplete((ok, error) -> {
            if (error == null) {
                load();
            }
        });
    }

    private synchronized void onStateChanged(PaddockClient c, ConnectionState state) {
        if (!closed && state == ConnectionState.RECONNECTED) {
            watchAndLoad();
        }
    }

    private void onWatchEvent(WatchedEvent event) {
        switch (event.type()) {
            case NODE_CREATED, NODE_DATA_CHANGED, NODE_DELETED -> load();
            default -> {
                // child changes are not ours; expiry is handled on reconnect
            }
        }
    }

    private void load() {
        StatHolder stat = new StatHolder();
        client.async().getData().storingStatIn(stat).forPath(path).whenComplete((data, error) -> {
            if (error == null) {
                update(new ChildData(path, stat.get(), data));
            } else if (Failures.cause(error) instanceof NoNodeException) {
                update(null);
            }
        });
    }

    private synchronized void update(ChildData fresh) {
        if (closed) {
            return;
        }
        boolean first = !loaded;
        loaded = true;
        if (!first && !changed(current, fresh)) {
            return;
        }
        current = fresh;
        Optional<ChildData> now = Optional.ofNullable(fresh);
        for (NodeCacheListener l : listeners) {
            l.nodeChanged(now);
        }
    }

    private static boolean changed(ChildData old, ChildData fresh) {
        if (old == null || fresh == null) {
            return old != fresh;
        }
        return fresh.stat().mzxid() > old.stat().mzxid()
                || fresh.stat().czxid() != old.stat().czxid();
    }
}
