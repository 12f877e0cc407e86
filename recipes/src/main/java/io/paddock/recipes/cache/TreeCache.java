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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local copy of a subtree (the root and its descendants down to {@code maxDepth}), kept up to
 * date by one persistent recursive watch on the root.
 *
 * <p>Guarantees: after {@link #start()} every node present is reported ADDED, then INITIALIZED
 * once; later changes follow as ADDED, UPDATED and REMOVED, in the order the server made them:
 * each watch event is answered by a read (or an exists call for a deletion) issued at once, and
 * replies on one session come back in the order the calls were made. (A new node's children
 * found by listing it are reported after it, possibly after changes made later elsewhere.) A node
 * changed several times between two reads may be reported once, with its latest state; a
 * node's reported {@code mzxid} never goes backwards. After a reconnect (or a new session) the
 * cache re-reads the whole subtree and reports the differences, so it converges on the server's
 * state. The root itself may be absent: it is reported ADDED when it appears.
 *
 * <p>Thread-safe. Listeners run on the client's event thread (or, for the very first reads, on
 * the thread that called {@code start}), one at a time and in order; they must not block.
 */
public final class TreeCache implements AutoCloseable {
    private final PaddockClient client;
    private final String root;
    private final int maxDepth;
    private final List<TreeCacheListener> listeners = new CopyOnWriteArrayList<>();
    private final NavigableMap<String, ChildData> nodes = new TreeMap<>();
    private final Watcher watcher = this::onWatchEvent;
    private final ConnectionStateListener connectionListener = this::onStateChanged;
    private int pending;
    private boolean initialized;
    private volatile boolean closed;

    /**
     * @param root the subtree's root
     * @param maxDepth how deep to cache: 0 for the root alone, 1 for its children, and so on
     */
    public TreeCache(PaddockClient client, String root, int maxDepth) {
        this.client = client;
        this.root = ZNodePaths.makePath(root);
        this.maxDepth = maxDepth;
    }

    /** A cache of the whole subtree. */
    public TreeCache(PaddockClient client, String root) {
        this(client, root, Integer.MAX_VALUE);
    }

    public void addListener(TreeCacheListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TreeCacheListener listener) {
        listeners.remove(listener);
    }

    /** Starts watching and loading in the background; INITIALIZED says when the load is done. */
    public synchronized TreeCache start() {
        client.addConnectionStateListener(connectionListener);
        watchAndRefresh();
        return this;
    }

    /** True once the initial load has completed. */
    public synchronized boolean isInitialized() {
        return initialized;
    }

    /** The cached node at {@code path}, if any. */
    public synchronized Optional<ChildData> current(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    /** The cached children of {@code path}, by name, in name order. */
    public synchronized Map<String, ChildData> children(String path) {
        Map<String, ChildData> out = new LinkedHashMap<>();
        String prefix = "/".equals(path) ? "/" : path + "/";
        for (Map.Entry<String, ChildData> e : descendants(path).entrySet()) {
            String name = e.getKey().substring(prefix.length());
            if (name.indexOf('/') < 0) {
                out.put(name, e.getValue());
            }
        }
        return out;
    }

    /** Every cached node, by path, in path order. */
    public synchronized Map<String, ChildData> snapshot() {
        return new LinkedHashMap<>(nodes);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.removeConnectionStateListener(connectionListener);
        client.async().watchers().remove(watcher).locally().forPath(root);
        listeners.clear();
    }

    private synchronized void watchAndRefresh() {
        pending++;
        client.async().watchers().add().recursive().forPath(root, watcher)
                .whenComplete((ok, error) -> {
                    synchronized (this) {
                        if (error == null) {
                            refresh(root, 0);
                        }
                        done();
                    }
                });
    }

    private synchronized void onStateChanged(PaddockClient c, ConnectionState state) {
        if (!closed && state == ConnectionState.RECONNECTED) {
            // After a new session the watch is gone; after the same one, changes made while we
            // were away may not have fired. Either way: watch again and re-read everything.
            watchAndRefresh();
        }
    }

    private synchronized void onWatchEvent(WatchedEvent event) {
        if (closed || event.path() == null || depth(event.path()) > maxDepth) {
            return;
        }
        switch (event.type()) {
            case NODE_CREATED -> refresh(event.path(), depth(event.path()));
            case NODE_DATA_CHANGED -> loadData(event.path());
            case NODE_DELETED -> confirmDeleted(event.path());
            default -> {
                // removal notices and session expiry: the reconnect handler re-reads
            }
        }
    }

    /**
     * Reports a deletion only when an exists call issued now answers: replies come in the order
     * the calls were made, so the REMOVED event cannot overtake the reads started for earlier
     * events, and a node re-created meanwhile is read instead.
     */
    private void confirmDeleted(String path) {
        pending++;
        client.async().checkExists().forPath(path).whenComplete((stat, error) -> {
            synchronized (this) {
                if (!closed && error == null) {
                    if (stat == null) {
                        removeSubtree(path);
                    } else {
                        refresh(path, depth(path));
                    }
                }
                done();
            }
        });
    }

    private void refresh(String path, int depth) {
        loadData(path);
        if (depth < maxDepth) {
            loadChildren(path, depth);
        }
    }

    private void loadData(String path) {
        pending++;
        StatHolder stat = new StatHolder();
        client.async().getData().storingStatIn(stat).forPath(path).whenComplete((data, error) -> {
            synchronized (this) {
                onData(path, data, stat, error);
                done();
            }
        });
    }

    private void onData(String path, byte[] data, StatHolder stat, Throwable error) {
        if (closed) {
            return;
        }
        if (error != null) {
            if (Failures.cause(error) instanceof NoNodeException) {
                removeSubtree(path);
            }
            return;
        }
        ChildData fresh = new ChildData(path, stat.get(), data);
        ChildData old = nodes.get(path);
        if (old == null) {
            nodes.put(path, fresh);
            fire(TreeCacheEvent.Type.ADDED, fresh);
        } else if (fresh.stat().mzxid() > old.stat().mzxid()
                || fresh.stat().czxid() != old.stat().czxid()) {
            nodes.put(path, fresh);
            fire(TreeCacheEvent.Type.UPDATED, fresh);
        }
    }

    private void loadChildren(String path, int depth) {
        pending++;
        client.async().getChildren().forPath(path).whenComplete((names, error) -> {
            synchronized (this) {
                onChildren(path, depth, names, error);
                done();
            }
        });
    }

    private void onChildren(String path, int depth, List<String> names, Throwable error) {
        if (closed) {
            return;
        }
        if (error != null) {
            if (Failures.cause(error) instanceof NoNodeException) {
                removeSubtree(path);
            }
            return;
        }
        Set<String> present = new HashSet<>(names);
        for (String known : new ArrayList<>(children(path).keySet())) {
            if (!present.contains(known)) {
                removeSubtree(ZNodePaths.makePath(path, known));
            }
        }
        for (String name : names) {
            refresh(ZNodePaths.makePath(path, name), depth + 1);
        }
    }

    private void removeSubtree(String path) {
        List<String> doomed = new ArrayList<>(descendants(path).descendingKeySet());
        if (nodes.containsKey(path)) {
            doomed.add(path);
        }
        for (String p : doomed) {
            fire(TreeCacheEvent.Type.REMOVED, nodes.remove(p));
        }
    }

    private NavigableMap<String, ChildData> descendants(String path) {
        if ("/".equals(path)) {
            return nodes.tailMap("/", false);
        }
        // '0' sorts right after '/', so this range is exactly the paths under path + "/".
        return nodes.subMap(path + "/", true, path + "0", false);
    }

    private void done() {
        pending--;
        if (pending == 0 && !initialized && !closed) {
            initialized = true;
            fire(TreeCacheEvent.Type.INITIALIZED, null);
        }
    }

    private void fire(TreeCacheEvent.Type type, ChildData data) {
        TreeCacheEvent event = new TreeCacheEvent(type, data);
        for (TreeCacheListener l : listeners) {
            l.event(event);
        }
    }

    private int depth(String path) {
        if (path.equals(root)) {
            return 0;
        }
        if (!path.startsWith("/".equals(root) ? "/" : root + "/")) {
            return Integer.MAX_VALUE;
        }
        String rest = "/".equals(root) ? path : path.substring(root.length());
        int depth = 0;
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }
}
