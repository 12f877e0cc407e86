package io.paddock.server.persistence;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import io.paddock.protocol.Stat;
import io.paddock.server.session.Session;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.tree.DataNode;
import io.paddock.server.tree.DataTree;
import io.paddock.server.watch.WatchManager;
import io.paddock.storage.snapshot.SnapshotSource;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
 * <p>Body format, version 1 (inside the storage snapshot file): version byte; session count
 * (int), then per session id (long) and timeout (int); then per node a 1 byte, path, the stat's
 * czxid, mzxid, ctime, mtime (longs), version, cversion, aversion (ints), ephemeralOwner, pzxid
 * (longs), data (int length, -1 for none, then bytes), ACL count (int) and per ACL perms (int),
 * scheme and id; a 0 byte ends the nodes. Strings are an int length and UTF-8 bytes.
 *
 * <p>Threading: made and written on the snapshot thread; reads the tree and tracker, which are
 * thread-safe for readers. Reading back runs at start-up, before the tree is shared.
 */
public final class DataTreeSnapshot implements SnapshotSource {
    static final int FORMAT_VERSION = 1;
    private static final int MAX_STRING = 64 << 20;

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
        DataOutputStream out = new DataOutputStream(stream);
        out.writeByte(FORMAT_VERSION);
        List<Session> open = new ArrayList<>(sessions.sessions());
        out.writeInt(open.size());
        for (Session s : open) {
            out.writeLong(s.id());
            out.writeInt(s.timeoutMs());
        }
        Deque<String> pending = new ArrayDeque<>();
        pending.push(DataTree.ROOT);
        while (!pending.isEmpty()) {
            String path = pending.pop();
            DataNode node = tree.node(path);
            if (node == null) {
                continue; // deleted since its parent was copied; replay deletes it anyway
            }
            List<String> children;
            synchronized (node) {
                // stat() is the client's view; cversion and the owner are saved as stored.
                Stat shown = node.stat();
                Stat stored = new Stat(shown.czxid(), shown.mzxid(), shown.ctime(), shown.mtime(),
                        shown.version(), node.cversion(), shown.aversion(), node.ephemeralOwner(),
                        shown.dataLength(), shown.numChildren(), shown.pzxid());
                writeNode(out, path, stored, node.data(), node.acl());
                children = node.children();
            }
            String prefix = path.equals(DataTree.ROOT) ? "/" : path + "/";
            for (String child : children) {
                pending.push(prefix + child);
            }
        }
        out.writeByte(0);
        out.flush();
    }

    private static void writeNode(DataOutputStream out, String path, Stat stat, byte[] data,
            List<ACL> acl) throws IOException {
        out.writeByte(1);
        writeString(out, path);
        out.writeLong(stat.czxid());
        out.writeLong(stat.mzxid());
        out.writeLong(stat.ctime());
        out.writeLong(stat.mtime());
        out.writeInt(stat.version());
        out.writeInt(stat.cversion());
        out.writeInt(stat.aversion());
        out.writeLong(stat.ephemeralOwner());
        out.writeLong(stat.pzxid());
        if (data == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(data.length);
            out.write(data);
        }
        out.writeInt(acl.size());
        for (ACL a : acl) {
            out.writeInt(a.perms());
            writeString(out, a.id().scheme());
            writeString(out, a.id().id());
        }
    }

    /** Reads a body written by {@link #writeTo} into a new tree over {@code watches}. */
    public static TreeState read(WatchManager watches, long zxid, InputStream stream)
            throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int version = in.readUnsignedByte();
        if (version != FORMAT_VERSION) {
            throw new IOException("unknown tree snapshot format version " + version);
        }
        int sessionCount = in.readInt();
        Map<Long, Integer> sessions = new HashMap<>();
        for (int i = 0; i < sessionCount; i++) {
            sessions.put(in.readLong(), in.readInt());
        }
        DataTree tree = new DataTree(watches);
        while (in.readUnsignedByte() == 1) {
            String path = readString(in);
            long czxid = in.readLong();
            long mzxid = in.readLong();
            long ctime = in.readLong();
            long mtime = in.readLong();
            int nodeVersion = in.readInt();
            int cversion = in.readInt();
            int aversion = in.readInt();
            long owner = in.readLong();
            long pzxid = in.readLong();
            byte[] data = readBytes(in);
            int aclCount = in.readInt();
            List<ACL> acl = new ArrayList<>(Math.min(aclCount, 16));
            for (int i = 0; i < aclCount; i++) {
                acl.add(new ACL(in.readInt(), new Id(readString(in), readString(in))));
            }
            tree.restoreNode(path, data, acl, new Stat(czxid, mzxid, ctime, mtime, nodeVersion,
                    cversion, aversion, owner, data == null ? 0 : data.length, 0, pzxid));
        }
        tree.setLastProcessedZxid(zxid);
        return new TreeState(tree, sessions);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = readBytes(in);
        if (b == null) {
            throw new IOException("a string has no length");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_STRING) {
            throw new IOException("bad length " + length);
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }
}
