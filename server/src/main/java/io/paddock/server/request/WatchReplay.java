package io.paddock.server.request;

import io.paddock.protocol.Stat;
import io.paddock.protocol.op.EventType;
import io.paddock.server.tree.DataTree;
import io.paddock.server.watch.Notification;
import io.paddock.server.watch.WatchManager;
import io.paddock.server.watch.Watcher;
import io.paddock.server.watch.WatcherMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-registers a reconnecting client's watches (setWatches/setWatches2), firing at once
 * the events it missed since {@code relativeZxid}, as ZooKeeper's DataTree.setWatches.
 *
 * <p>Threading: on the apply thread, like every read.
 */
final class WatchReplay {
    private final DataTree tree;
    private final WatchManager watches;

    WatchReplay(DataTree tree) {
        this.tree = tree;
        this.watches = tree.watches();
    }

    List<Notification> setWatches(long relativeZxid, List<String> data, List<String> exist,
            List<String> child, List<String> persistent, List<String> recursive,
            Watcher watcher) {
        List<Notification> out = new ArrayList<>();
        for (String path : orEmpty(data)) {
            Stat s = tree.stat(path);
            if (s == null) {
                out.add(missed(watcher, EventType.NODE_DELETED, path));
            } else if (s.mzxid() > relativeZxid) {
                out.add(missed(watcher, EventType.NODE_DATA_CHANGED, path));
            } else {
                watches.addDataWatch(path, watcher);
            }
        }
        for (String path : orEmpty(exist)) {
            if (tree.node(path) != null) {
                out.add(missed(watcher, EventType.NODE_CREATED, path));
            } else {
                watches.addDataWatch(path, watcher);
            }
        }
        for (String path : orEmpty(child)) {
            Stat s = tree.stat(path);
            if (s == null) {
                out.add(missed(watcher, EventType.NODE_DELETED, path));
            } else if (s.pzxid() > relativeZxid) {
                out.add(missed(watcher, EventType.NODE_CHILDREN_CHANGED, path));
            } else {
                watches.addChildWatch(path, watcher);
            }
        }
        for (String path : orEmpty(persistent)) {
            watches.addPersistentWatch(path, watcher, WatcherMode.PERSISTENT);
        }
        for (String path : orEmpty(recursive)) {
            watches.addPersistentWatch(path, watcher, WatcherMode.PERSISTENT_RECURSIVE);
        }
        return out;
    }

    /**
     * The missed event. ZooKeeper 3.9.5 replays it without a READ check (its
     * DataTree.setWatches delivers with no ACL); the client named the path itself.
     */
    private static Notification missed(Watcher watcher, int type, String path) {
        return WatchManager.notification(watcher, type, path);
    }

    private static List<String> orEmpty(List<String> paths) {
        return paths == null ? List.of() : paths;
    }
}
