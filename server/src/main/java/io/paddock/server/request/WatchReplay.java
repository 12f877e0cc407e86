package io.paddock.server.request;

import io.paddock.protocol.Stat;
import io.paddock.protocol.op.EventType;
import io.paddock.server.tree.DataNode;
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
                out.add(missed(watcher, EventType.NODE_DELETED, path, null));
            } else if (s.mzxid() > relativeZxid) {
                out.add(missed(watcher, EventType.NODE_DATA_CHANGED, path, tree.node(path)));
            } else {
                watches.addDataWatch(path, watcher);
            }
        }
        for (String path : orEmpty(exist)) {
            if (tree.node(path) != null) {
                out.add(missed(watcher, EventType.NODE_CREATED, path, tree.node(path)));
            } else {
                watches.addDataWatch(path, watcher);
            }
        }
        for (String path : orEmpty(child)) {
            Stat s = tree.stat(path);
            if (s == null) {
                out.add(missed(watcher, EventType.NODE_DELETED, path, null));
            } else if (s.pzxid() > relativeZxid) {
                out.add(missed(watcher, EventType.NODE_CHILDREN_CHANGED, path, tree.node(path)));
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
        out.removeIf(n -> n == null);
        return out;
    }

    /** The missed event, or null when the watcher may not read the node it concerns. */
    private static Notification missed(Watcher watcher, int type, String path, DataNode node) {
        if (node != null && !watcher.mayRead(node.acl())) {
            return null;
        }
        return WatchManager.notification(watcher, type, path);
    }

    private static List<String> orEmpty(List<String> paths) {
        return paths == null ? List.of() : paths;
    }
}
