package io.paddock.server.watch;

import io.paddock.protocol.ACL;
import io.paddock.protocol.WatcherEvent;
import io.paddock.protocol.op.EventType;
import io.paddock.protocol.op.KeeperState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * All watches of the server, with ZooKeeper 3.9's firing rules.
 *
 * <p>Two tables, as in ZooKeeper's DataTree: data watches (getData, exists, persistent and
 * recursive watches) and child watches (getChildren, persistent watches). Recursive watches
 * live only in the data table, which is why they never see NodeChildrenChanged.
 *
 * <p>Firing returns {@link Notification}s instead of sending them, so the pipeline can put
 * each event on the wire before the reply of the write that caused it.
 *
 * <p>Thread-safe: every method holds this object's lock; called from the apply thread and
 * from connection-close callbacks.
 */
public final class WatchManager {
    private final WatchTable dataWatches = new WatchTable();
    private final WatchTable childWatches = new WatchTable();

    /** A one-shot data watch (getData, and exists whether or not the node exists). */
    public synchronized void addDataWatch(String path, Watcher watcher) {
        dataWatches.add(path, watcher, WatcherMode.STANDARD);
    }

    /** A one-shot child watch (getChildren). */
    public synchronized void addChildWatch(String path, Watcher watcher) {
        childWatches.add(path, watcher, WatcherMode.STANDARD);
    }

    /** addWatch: a persistent watch, or a persistent recursive one. */
    public synchronized void addPersistentWatch(String path, Watcher watcher, WatcherMode mode) {
        if (mode == WatcherMode.STANDARD) {
            throw new IllegalArgumentException("addWatch registers persistent watches only");
        }
        dataWatches.add(path, watcher, mode);
        if (mode == WatcherMode.PERSISTENT) {
            childWatches.add(path, watcher, mode);
        }
    }

    /** A node was created: its data/exists watches, then its parent's child watches. */
    public synchronized List<Notification> nodeCreated(String path, List<ACL> acl,
            String parentPath, List<ACL> parentAcl) {
        List<Notification> out = new ArrayList<>();
        emit(out, dataWatches.trigger(path, true), EventType.NODE_CREATED, path, acl, Set.of());
        emit(out, childWatches.trigger(parentPath, false), EventType.NODE_CHILDREN_CHANGED,
                parentPath, parentAcl, Set.of());
        return out;
    }

    /**
     * A node was deleted: its data and child watches get NodeDeleted (once per watcher), its
     * parent's child watches get NodeChildrenChanged.
     */
    public synchronized List<Notification> nodeDeleted(String path, List<ACL> acl,
            String parentPath, List<ACL> parentAcl) {
        List<Notification> out = new ArrayList<>();
        Set<Watcher> fired = dataWatches.trigger(path, true);
        emit(out, fired, EventType.NODE_DELETED, path, acl, Set.of());
        emit(out, childWatches.trigger(path, false), EventType.NODE_DELETED, path, acl, fired);
        emit(out, childWatches.trigger(parentPath, false), EventType.NODE_CHILDREN_CHANGED,
                parentPath, parentAcl, Set.of());
        return out;
    }

    /** A node's data changed: its data watches and recursive watches above it. */
    public synchronized List<Notification> nodeDataChanged(String path, List<ACL> acl) {
        List<Notification> out = new ArrayList<>();
        emit(out, dataWatches.trigger(path, true), EventType.NODE_DATA_CHANGED, path, acl,
                Set.of());
        return out;
    }

    /** checkWatches: true when the watcher holds a watch of the type on the path. */
    public synchronized boolean containsWatch(String path, WatcherType type, Watcher watcher) {
        return switch (type) {
            case CHILDREN -> childWatches.contains(path, watcher, WatcherMode.STANDARD);
            case DATA -> dataWatches.contains(path, watcher, WatcherMode.STANDARD);
            case PERSISTENT -> dataWatches.contains(path, watcher, WatcherMode.PERSISTENT);
            case PERSISTENT_RECURSIVE ->
                    dataWatches.contains(path, watcher, WatcherMode.PERSISTENT_RECURSIVE);
            case ANY -> childWatches.contains(path, watcher, null)
                    || dataWatches.contains(path, watcher, null);
        };
    }

    /** removeWatches: removes the watcher's watches of the type; true if any was removed. */
    public synchronized boolean removeWatch(String path, WatcherType type, Watcher watcher) {
        return switch (type) {
            case CHILDREN -> childWatches.remove(path, watcher, WatcherMode.STANDARD);
            case DATA -> dataWatches.remove(path, watcher, WatcherMode.STANDARD);
            case PERSISTENT -> childWatches.remove(path, watcher, WatcherMode.PERSISTENT)
                    | dataWatches.remove(path, watcher, WatcherMode.PERSISTENT);
            case PERSISTENT_RECURSIVE ->
                    dataWatches.remove(path, watcher, WatcherMode.PERSISTENT_RECURSIVE);
            case ANY -> childWatches.remove(path, watcher, null)
                    | dataWatches.remove(path, watcher, null);
        };
    }

    /** The watches one watcher (connection) holds, counted as {@link #watchCount()} counts. */
    public synchronized int watchCount(Watcher watcher) {
        return dataWatches.watchCount(watcher) + childWatches.watchCount(watcher);
    }

    /** Drops every watch of a closed connection. */
    public synchronized void removeWatcher(Watcher watcher) {
        dataWatches.removeWatcher(watcher);
        childWatches.removeWatcher(watcher);
    }

    /** Watches in both tables (a persistent watch counts twice, as in ZooKeeper). */
    public synchronized int watchCount() {
        return dataWatches.watchCount() + childWatches.watchCount();
    }

    /** Distinct watched paths. */
    public synchronized int watchedPathCount() {
        Set<String> paths = new HashSet<>(dataWatches.paths());
        paths.addAll(childWatches.paths());
        return paths.size();
    }

    /** Distinct watchers (connections) holding at least one watch. */
    public synchronized int watcherCount() {
        Set<Watcher> watchers = new HashSet<>(dataWatches.watchers());
        watchers.addAll(childWatches.watchers());
        return watchers.size();
    }

    /** For wchp: each watched path and the sessions watching it. */
    public synchronized Map<String, Set<Long>> sessionsByPath() {
        Map<String, Set<Long>> out = new TreeMap<>();
        dataWatches.collectByPath(out);
        childWatches.collectByPath(out);
        return out;
    }

    /** For wchc: each watching session and its watched paths. */
    public synchronized Map<Long, Set<String>> pathsBySession() {
        Map<Long, Set<String>> out = new TreeMap<>();
        dataWatches.collectBySession(out);
        childWatches.collectBySession(out);
        return out;
    }

    /** The wchs summary, in ZooKeeper's wording. */
    public synchronized String describe() {
        return watcherCount() + " connections watching " + watchedPathCount() + " paths\n"
                + "Total watches:" + watchCount();
    }

    private static void emit(List<Notification> out, Set<Watcher> watchers, int type,
            String path, List<ACL> acl, Set<Watcher> suppress) {
        if (watchers.isEmpty()) {
            return;
        }
        WatcherEvent event = new WatcherEvent(type, KeeperState.SYNC_CONNECTED, path);
        for (Watcher w : watchers) {
            if (!suppress.contains(w) && (acl == null || w.mayRead(acl))) {
                out.add(new Notification(w, event));
            }
        }
    }

    /** An event for one watcher outside any table (setWatches replays missed events). */
    public static Notification notification(Watcher watcher, int type, String path) {
        return new Notification(watcher,
                new WatcherEvent(type, KeeperState.SYNC_CONNECTED, path));
    }
}
