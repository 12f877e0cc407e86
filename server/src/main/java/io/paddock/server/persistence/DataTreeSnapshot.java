package io.paddock.server.persistence;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import io.paddock.protocol.Stat;
import io.paddock.server.session.Session;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.tree.DataNode;
import io.paddock.server.tree.DataTree;
import io.paddock.server.tree.StoredNode;
import io.paddock.server.watch.WatchManager;
import io.paddock.storage.snapshot.SnapshotSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fuzzy snapshot of the tree and the sessions, taken while writes continue.
 *
 * <p>The zxid is the tree's last applied zxid when the snapshot object is made. The walk then
 * goes parent before children from the root, copying each node's data, ACL, stat and child names
 * under the node's own lock, so each node is some applied state of itself though the whole is no
 * single cut. Replaying every txn after the zxid (idempotent on the tree) makes it exact.
 *
 * <p>Body format, version 2 (inside the storage snapshot file): version byte; session count
 * (int), then per session id (long) and timeout (int); the tree's node count when the walk
 * began (int, only a hint to size maps); then per node a 1 byte, path, the stat's czxid, mzxid,
 * ctime, mtime (longs), version, cversion, aversion (ints), ephemeralOwner, pzxid (longs), the
 * number of children (int, also a sizing hint), data (int length, -1 for none, then bytes) and
 * the node's ACL as an index (int) into the snapshot's ACL table; a 0 byte ends the nodes. The table is built as the walk meets ACLs:
 * an index equal to the number of ACLs defined so far defines the next one, and the ACL follows
 * it inline as a count (int) and per entry perms (int), scheme and id. Strings are an int length
 * and UTF-8 bytes. Version 1 had no node count, no child counts and every node's ACL inline in
 * place of the index; it is still read. See docs/storage.md.
 *
 * <p>Threading: made and written on the snapshot thread; reads the tree and tracker, which are
 * thread-safe for readers. Reading back runs at start-up, before the tree is shared.
 */
public final class DataTreeSnapshot implements SnapshotSource {
    static final int FORMAT_VERSION = 2;
    /** Per-node inline ACLs; read so that a data directory from before version 2 still starts. */
    static final int FORMAT_VERSION_INLINE_ACL = 1;
    private static final int MAX_STRING = 64 << 20;
    /**
     * The most nodes the node-count hint may presize the tree for (a 16 MiB map table): the hint
     * is read before any node, so a damaged one must not allocate gigabytes; a larger tree
     * grows its map as nodes arrive.
     */
    static final int MAX_PRESIZED_NODES = 1 << 21;

    private final DataTree tree;
    private final SessionTracker sessions;
    private final long zxid;

    public DataTreeSnapshot(DataTree tree, SessionTracker sessions) {
        this.tree = tree;
        this.sessions = sessions;
        this.zxid = tree.lastProcessedZxid();
    }

    @Override
    public long zxid() {
        return zxid;
    }

    @Override
    public void writeTo(OutputStream stream) throws IOException {
        SnapshotBodyOutput out = new SnapshotBodyOutput(stream);
        out.writeByte(FORMAT_VERSION);
        List<Session> open = new ArrayList<>(sessions.sessions());
        out.writeInt(open.size());
        for (Session s : open) {
            out.writeLong(s.id());
            out.writeInt(s.timeoutMs());
        }
        out.writeInt(tree.nodeCount());
        // The tree interns its ACL lists, so identity finds each distinct ACL once.
        Map<List<ACL>, Integer> aclTable = new IdentityHashMap<>();
        StoredNode stored = new StoredNode();
        WalkStack pending = new WalkStack();
        DataNode root = tree.node(DataTree.ROOT);
        pending.push(DataTree.ROOT, root);
        while (!pending.isEmpty()) {
            String path = pending.topPath();
            DataNode node = pending.pop();
            // A child copied with its parent may have been deleted since: replay deletes it again.
            node.copyStored(stored);
            writeNode(out, path, stored);
            writeAclRef(out, aclTable, stored.acl());
            for (int i = 0; i < stored.numChildren(); i++) {
                pending.push(stored.childPath(i), stored.childNode(i));
            }
        }
        out.writeByte(0);
        out.flush();
    }

    /** Paths and nodes still to write, as two parallel arrays: no object per pending node. */
    private static final class WalkStack {
        private String[] paths = new String[64];
        private DataNode[] nodes = new DataNode[64];
        private int size;

        void push(String path, DataNode node) {
            if (size == paths.length) {
                paths = Arrays.copyOf(paths, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            paths[size] = path;
            nodes[size] = node;
            size++;
        }

        boolean isEmpty() {
            return size == 0;
        }

        String topPath() {
            return paths[size - 1];
        }

        DataNode pop() {
            size--;
            DataNode n = nodes[size];
            paths[size] = null;
            nodes[size] = null;
            return n;
        }
    }

    private static void writeNode(SnapshotBodyOutput out, String path, StoredNode n)
            throws IOException {
        out.writeByte(1);
        out.writeString(path);
        out.writeLong(n.czxid());
        out.writeLong(n.mzxid());
        out.writeLong(n.ctime());
        out.writeLong(n.mtime());
        out.writeInt(n.version());
        out.writeInt(n.cversion());
        out.writeInt(n.aversion());
        out.writeLong(n.ephemeralOwner());
        out.writeLong(n.pzxid());
        out.writeInt(n.numChildren());
        out.writeBytes(n.data());
    }

    private static void writeAclRef(SnapshotBodyOutput out, Map<List<ACL>, Integer> table,
            List<ACL> acl) throws IOException {
        Integer known = table.get(acl);
        if (known != null) {
            out.writeInt(known);
            return;
        }
        int index = table.size();
        table.put(acl, index);
        out.writeInt(index);
        out.writeInt(acl.size());
        for (ACL a : acl) {
            out.writeInt(a.perms());
            out.writeString(a.id().scheme());
            out.writeString(a.id().id());
        }
    }

    /** Reads a body written by {@link #writeTo} (or by version 1) into a new tree. */
    public static TreeState read(WatchManager watches, long zxid, InputStream stream)
            throws IOException {
        SnapshotBodyInput in = new SnapshotBodyInput(stream, MAX_STRING);
        int version = in.readUnsignedByte();
        if (version != FORMAT_VERSION && version != FORMAT_VERSION_INLINE_ACL) {
            throw new IOException("unknown tree snapshot format version " + version
                    + " (this server reads versions " + FORMAT_VERSION_INLINE_ACL + " and "
                    + FORMAT_VERSION + ")");
        }
        int sessionCount = in.readInt();
        Map<Long, Integer> sessions = new HashMap<>();
        for (int i = 0; i < sessionCount; i++) {
            sessions.put(in.readLong(), in.readInt());
        }
        boolean v2 = version == FORMAT_VERSION;
        int hint = v2 ? in.readInt() : 16;
        DataTree tree = new DataTree(watches, Math.max(0, Math.min(hint, MAX_PRESIZED_NODES)));
        List<List<ACL>> aclTable = new ArrayList<>();
        // Child counts presize each node's child map. They are hints read before the children,
        // so together they may presize no more than the node count may (found by fuzzing: one
        // damaged count of 2^24 allocated a 134 MB map).
        long childBudget = Math.max(0, Math.min(hint, MAX_PRESIZED_NODES));
        while (in.readUnsignedByte() == 1) {
            String path = in.readString();
            long czxid = in.readLong();
            long mzxid = in.readLong();
            long ctime = in.readLong();
            long mtime = in.readLong();
            int nodeVersion = in.readInt();
            int cversion = in.readInt();
            int aversion = in.readInt();
            long owner = in.readLong();
            long pzxid = in.readLong();
            int children = (int) Math.min(childBudget, v2 ? Math.max(0, in.readInt()) : 0);
            childBudget -= children;
            byte[] data = in.readBytes();
            List<ACL> acl = v2 ? readAclRef(in, aclTable, tree) : readAcl(in);
            restore(tree, path, data, acl, new Stat(czxid, mzxid, ctime, mtime, nodeVersion,
                    cversion, aversion, owner, data == null ? 0 : data.length, children, pzxid));
        }
        tree.setLastProcessedZxid(zxid);
        return new TreeState(tree, sessions, zxid);
    }

    /** Restores one node of a body whose checksum matched but whose paths may still be wrong. */
    private static void restore(DataTree tree, String path, byte[] data, List<ACL> acl, Stat stat)
            throws IOException {
        if (!path.startsWith("/") || (path.length() > 1 && path.endsWith("/"))) {
            throw new IOException("node path \"" + path + "\" is not absolute");
        }
        try {
            tree.restoreNode(path, data, acl, stat);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static List<ACL> readAclRef(SnapshotBodyInput in, List<List<ACL>> table,
            DataTree tree) throws IOException {
        int index = in.readInt();
        if (index == table.size()) {
            table.add(tree.internAcl(readAcl(in)));
        } else if (index < 0 || index > table.size()) {
            throw new IOException("ACL index " + index + " with " + table.size() + " defined");
        }
        return table.get(index);
    }

    private static List<ACL> readAcl(SnapshotBodyInput in) throws IOException {
        int aclCount = in.readInt();
        if (aclCount < 0 || aclCount > MAX_STRING) {
            throw new IOException("bad ACL count " + aclCount);
        }
        List<ACL> acl = new ArrayList<>(Math.min(aclCount, 16));
        for (int i = 0; i < aclCount; i++) {
            acl.add(new ACL(in.readInt(), new Id(in.readString(), in.readString())));
        }
        return acl;
    }
}
