package io.paddock.server.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One table of watches (ZooKeeper keeps one for data watches and one for child watches):
 * for each path, the watchers and the set of modes each registered there.
 *
 * <p>Not thread-safe: {@link WatchManager} guards it with its own lock.
 */
final class WatchTable {
    private final Map<String, Map<Watcher, Integer>> byPath = new HashMap<>();
    private final Map<Watcher, Set<String>> byWatcher = new HashMap<>();
    private int recursiveCount;

    void add(String path, Watcher watcher, WatcherMode mode) {
        Map<Watcher, Integer> watchers = byPath.computeIfAbsent(path, p -> new LinkedHashMap<>());
        int old = watchers.getOrDefault(watcher, 0);
        int bits = old | mode.bit();
        if (bits == old) {
            return;
        }
        if (mode == WatcherMode.PERSISTENT_RECURSIVE) {
            recursiveCount++;
        }
        watchers.put(watcher, bits);
        byWatcher.computeIfAbsent(watcher, w -> new LinkedHashSet<>()).add(path);
    }

    /**
     * Fires the watches an event on {@code path} triggers: every watch on the path itself
     * (one-shot watches are consumed) and, when {@code withAncestors}, the recursive watches
     * on its ancestors. Each watcher appears once in the result.
     */
    Set<Watcher> trigger(String path, boolean withAncestors) {
        // Most changes fire nothing: the set is made only once a watcher is found.
        Set<Watcher> fired = null;
        Map<Watcher, Integer> exact = byPath.get(path);
        if (exact != null) {
            fired = new LinkedHashSet<>();
            List<Watcher> consumed = new ArrayList<>();
            for (Map.Entry<Watcher, Integer> e : exact.entrySet()) {
                fired.add(e.getKey());
                int remaining = e.getValue() & ~WatcherMode.STANDARD.bit();
                if (remaining == 0) {
                    consumed.add(e.getKey());
                } else {
                    e.setValue(remaining);
                }
            }
            for (Watcher w : consumed) {
                forget(path, w);
            }
        }
        if (withAncestors && recursiveCount > 0) {
            for (String p = PathNames.parent(path); p != null; p = PathNames.parent(p)) {
                Map<Watcher, Integer> watchers = byPath.get(p);
                if (watchers == null) {
                    continue;
                }
                for (Map.Entry<Watcher, Integer> e : watchers.entrySet()) {
                    if ((e.getValue() & WatcherMode.PERSISTENT_RECURSIVE.bit()) != 0) {
                        if (fired == null) {
                            fired = new LinkedHashSet<>();
                        }
                        fired.add(e.getKey());
                    }
                }
            }
        }
        return fired == null ? Set.of() : fired;
    }

    /** True when the watcher has a watch on the path in the mode (any mode when null). */
    boolean contains(String path, Watcher watcher, WatcherMode mode) {
        Map<Watcher, Integer> watchers = byPath.get(path);
        Integer bits = watchers == null ? null : watchers.get(watcher);
        return bits != null && (mode == null || (bits & mode.bit()) != 0);
    }

    /** Removes the watcher's watch in the mode (all modes when null); true if one was there. */
    boolean remove(String path, Watcher watcher, WatcherMode mode) {
        Map<Watcher, Integer> watchers = byPath.get(path);
        Integer bits = watchers == null ? null : watchers.get(watcher);
        if (bits == null) {
            return false;
        }
        int removedBits = mode == null ? bits : bits & mode.bit();
        if (removedBits == 0) {
            return false;
        }
        int remaining = bits & ~removedBits;
        if (remaining == 0) {
            forget(path, watcher);
        } else {
            if ((removedBits & WatcherMode.PERSISTENT_RECURSIVE.bit()) != 0) {
                recursiveCount--;
            }
            watchers.put(watcher, remaining);
        }
        return true;
    }

    void removeWatcher(Watcher watcher) {
        Set<String> paths = byWatcher.get(watcher);
        if (paths == null) {
            return;
        }
        for (String path : new ArrayList<>(paths)) {
            remove(path, watcher, null);
        }
    }

    int watchCount(Watcher watcher) {
        Set<String> paths = byWatcher.get(watcher);
        return paths == null ? 0 : paths.size();
    }

    int watchCount() {
        int n = 0;
        for (Set<String> paths : byWatcher.values()) {
            n += paths.size();
        }
        return n;
    }

    /** Adds each watched path's watcher session ids to {@code into}. */
    void collectByPath(Map<String, Set<Long>> into) {
        byPath.forEach((path, watchers) -> {
            Set<Long> ids = into.computeIfAbsent(path, p -> new java.util.TreeSet<>());
            watchers.keySet().forEach(w -> ids.add(w.sessionId()));
        });
    }

    /** Adds each watcher's session id and watched paths to {@code into}. */
    void collectBySession(Map<Long, Set<String>> into) {
        byWatcher.forEach((w, paths) ->
                into.computeIfAbsent(w.sessionId(), id -> new java.util.TreeSet<>())
                        .addAll(paths));
    }

    Set<String> paths() {
        return byPath.keySet();
    }

    Set<Watcher> watchers() {
        return byWatcher.keySet();
    }

    private void forget(String path, Watcher watcher) {
        Map<Watcher, Integer> watchers = byPath.get(path);
        if (watchers != null) {
            Integer bits = watchers.remove(watcher);
            if (bits != null && (bits & WatcherMode.PERSISTENT_RECURSIVE.bit()) != 0) {
                recursiveCount--;
            }
            if (watchers.isEmpty()) {
                byPath.remove(path);
            }
        }
        Set<String> paths = byWatcher.get(watcher);
        if (paths != null) {
            paths.remove(path);
            if (paths.isEmpty()) {
                byWatcher.remove(watcher);
            }
        }
    }
}
