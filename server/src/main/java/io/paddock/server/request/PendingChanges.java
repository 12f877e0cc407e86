package io.paddock.server.request;

import io.paddock.protocol.ACL;
import io.paddock.server.tree.DataNode;
import io.paddock.server.tree.DataTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The preparer's view of the tree: the applied tree overlaid with the changes of prepared
 * but not yet applied txns (ZooKeeper's outstandingChanges), overlaid with the changes of
 * the request being prepared ({@link #stage}), which become outstanding on {@link #commit}
 * or vanish on {@link #discard} (a failed multi leaves no trace).
 *
 * <p>Thread-safety: {@link #applied} runs on the apply thread, everything else on the
 * prepare thread; the outstanding list is guarded by this object's lock.
 */
final class PendingChanges {
    /**
     * A class, not a record: {@link #applied} removes by identity, and a record's equals
     * compared ACL lists element by element on every applied txn.
     */
    private static final class Entry {
        private final long zxid;
        private final ChangeRecord change;

        Entry(long zxid, ChangeRecord change) {
            this.zxid = zxid;
            this.change = change;
        }

        long zxid() {
            return zxid;
        }

        ChangeRecord change() {
            return change;
        }
    }

    private final DataTree tree;
    private final Deque<Entry> outstanding = new ArrayDeque<>();
    private final Map<String, Entry> latest = new HashMap<>();
    private final Map<String, ChangeRecord> staged = new LinkedHashMap<>();

    PendingChanges(DataTree tree) {
        this.tree = tree;
    }

    /** The node as the next txn will find it, or null when it does not (or will not) exist. */
    ChangeRecord get(String path) {
        ChangeRecord c = staged.get(path);
        if (c == null) {
            synchronized (this) {
                Entry e = latest.get(path);
                c = e == null ? null : e.change();
            }
        }
        if (c == null) {
            c = fromTree(path);
        }
        return c == null || !c.exists() ? null : c;
    }

    /** The tree's shared copy of the ACL. */
    List<ACL> internAcl(List<ACL> acl) {
        return tree.internAcl(acl);
    }

    void stage(ChangeRecord change) {
        staged.put(change.path(), change);
    }

    void commit(long zxid) {
        synchronized (this) {
            for (ChangeRecord c : staged.values()) {
                Entry e = new Entry(zxid, c);
                outstanding.addLast(e);
                latest.put(c.path(), e);
            }
        }
        staged.clear();
    }

    void discard() {
        staged.clear();
    }

    /** [ensemble] Forgets every pending change: a new leader's term, the tree up to date. */
    synchronized void reset() {
        outstanding.clear();
        latest.clear();
    }

    /** Forgets the changes of txns up to zxid: the tree now shows them. */
    synchronized void applied(long zxid) {
        while (!outstanding.isEmpty() && outstanding.peekFirst().zxid() <= zxid) {
            Entry e = outstanding.pollFirst();
            latest.remove(e.change().path(), e);
        }
    }

    /**
     * The session's ephemerals as they will be: those in the tree, less pending deletes,
     * plus pending creates it owns.
     */
    synchronized List<String> ephemeralsOf(long sessionId) {
        Set<String> paths = tree.ephemerals(sessionId);
        for (Entry e : outstanding) {
            ChangeRecord c = e.change();
            if (!c.exists()) {
                paths.remove(c.path());
            } else if (c.ephemeralOwner() == sessionId) {
                paths.add(c.path());
            }
        }
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(null);
        return sorted;
    }

    synchronized int outstandingCount() {
        return outstanding.size();
    }

    private ChangeRecord fromTree(String path) {
        DataNode n = tree.node(path);
        if (n == null) {
            return null;
        }
        synchronized (n) {
            return new ChangeRecord(path, true, n.version(), n.cversion(), n.aversion(),
                    n.ephemeralOwner(), n.childCount(), n.acl());
        }
    }
}
