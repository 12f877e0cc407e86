package io.paddock.client.internal;

import io.paddock.client.Watcher;
import io.paddock.client.WatcherType;
import io.paddock.protocol.SetWatches2;
import io.paddock.protocol.op.EventType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The watches this client holds, by server path and kind, and which watchers an event fires
 * (ZooKeeper's client-side rules): one-shot watches are removed as they fire; a watcher
 * registered several ways on the same path is called once per event.
 *
 * <p>Thread-safe (synchronized): written on the I/O thread when replies arrive, read by
 * {@code watchers().remove} and by the reconnect logic.
 */
final class WatchRegistry {
    private final Map<WatchKind, Map<String, Set<Watcher>>> tables = new EnumMap<>(WatchKind.class);

    WatchRegistry() {
        for (WatchKind kind : WatchKind.values()) {
            tables.put(kind, new HashMap<>());
        }
    }

    synchronized void register(WatchRegistration r) {
        tables.get(r.kind()).computeIfAbsent(r.serverPath(), p -> new LinkedHashSet<>())
                .add(r.watcher());
    }

    /** The watchers a server event fires, one-shot ones removed. */
    synchronized Set<Watcher> materialize(int eventType, String path) {
        Set<Watcher> out = new LinkedHashSet<>();
        switch (eventType) {
            case EventType.NODE_CREATED, EventType.NODE_DATA_CHANGED -> {
                take(WatchKind.DATA, path, out);
                take(WatchKind.EXIST, path, out);
                persistentAndRecursive(path, out);
            }
            case EventType.NODE_DELETED -> {
                take(WatchKind.DATA, path, out);
                take(WatchKind.EXIST, path, out);
                take(WatchKind.CHILD, path, out);
                persistentAndRecursive(path, out);
            }
            case EventType.NODE_CHILDREN_CHANGED -> {
                take(WatchKind.CHILD, path, out);
                peek(WatchKind.PERSISTENT, path, out);
            }
            default -> {
                // Removal notices are delivered by the remove call itself.
            }
        }
        return out;
    }

    private void persistentAndRecursive(String path, Set<Watcher> out) {
        peek(WatchKind.PERSISTENT, path, out);
        Map<String, Set<Watcher>> recursive = tables.get(WatchKind.PERSISTENT_RECURSIVE);
        if (recursive.isEmpty()) {
            return;
        }
        for (String p = path; p != null; p = parent(p)) {
            Set<Watcher> ws = recursive.get(p);
            if (ws != null) {
                out.addAll(ws);
            }
        }
    }

    private void take(WatchKind kind, String path, Set<Watcher> out) {
        Set<Watcher> ws = tables.get(kind).remove(path);
        if (ws != null) {
            out.addAll(ws);
        }
    }

    private void peek(WatchKind kind, String path, Set<Watcher> out) {
        Set<Watcher> ws = tables.get(kind).get(path);
        if (ws != null) {
            out.addAll(ws);
        }
    }

    private static String parent(String path) {
        if ("/".equals(path)) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** True if {@code watcher} holds a watch of {@code type} on the path. */
    synchronized boolean has(String path, Watcher watcher, WatcherType type) {
        for (WatchKind kind : kindsOf(type)) {
            Set<Watcher> ws = tables.get(kind).get(path);
            if (ws != null && ws.contains(watcher)) {
                return true;
            }
        }
        return false;
    }

    /** Removes the watcher's watches of {@code type}; returns the kinds it was removed from. */
    synchronized List<WatchKind> remove(String path, Watcher watcher, WatcherType type) {
        List<WatchKind> removed = new ArrayList<>();
        for (WatchKind kind : kindsOf(type)) {
            Map<String, Set<Watcher>> table = tables.get(kind);
            Set<Watcher> ws = table.get(path);
            if (ws != null && ws.remove(watcher)) {
                removed.add(kind);
                if (ws.isEmpty()) {
                    table.remove(path);
                }
            }
        }
        return removed;
    }

    /** True if no other watcher keeps a watch of {@code type} on the path (server may drop it). */
    synchronized boolean noneLeft(String path, WatcherType type) {
        for (WatchKind kind : kindsOf(type)) {
            if (tables.get(kind).containsKey(path)) {
                return false;
            }
        }
        return true;
    }

    private static List<WatchKind> kindsOf(WatcherType type) {
        return switch (type) {
            case DATA -> List.of(WatchKind.DATA, WatchKind.EXIST);
            case CHILDREN -> List.of(WatchKind.CHILD);
            case PERSISTENT -> List.of(WatchKind.PERSISTENT);
            case PERSISTENT_RECURSIVE -> List.of(WatchKind.PERSISTENT_RECURSIVE);
            case ANY -> List.of(WatchKind.values());
        };
    }

    /** Every watcher, once, and forgets them all (the session expired). */
    synchronized Set<Watcher> clear() {
        Set<Watcher> all = new LinkedHashSet<>();
        for (Map<String, Set<Watcher>> table : tables.values()) {
            table.values().forEach(all::addAll);
            table.clear();
        }
        return all;
    }

    synchronized boolean isEmpty() {
        return tables.values().stream().allMatch(Map::isEmpty);
    }

    /** The request that re-arms every watch on a resumed session, from {@code lastZxid}. */
    synchronized SetWatches2 toSetWatches(long lastZxid) {
        return new SetWatches2(lastZxid,
                paths(WatchKind.DATA), paths(WatchKind.EXIST), paths(WatchKind.CHILD),
                paths(WatchKind.PERSISTENT), paths(WatchKind.PERSISTENT_RECURSIVE));
    }

    private List<String> paths(WatchKind kind) {
        return new ArrayList<>(tables.get(kind).keySet());
    }
}
