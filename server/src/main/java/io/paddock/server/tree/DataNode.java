package io.paddock.server.tree;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Stat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One znode: data, ACL, the persisted stat fields and its children. The ACL list is immutable
 * and shared between nodes ({@link AclInterner}).
 *
 * <p>Children are held as a map from their full paths (the very String instances that key the
 * tree's node map) to their nodes, rather than as a set of names: a name would be a second
 * String and byte array per znode (about 50 bytes each of a million), and with the nodes at
 * hand a snapshot walk needs no lookup per node. A HashMap entry costs what a HashSet entry
 * does, since a HashSet is a HashMap. {@link #children()} cuts names out when a client asks.
 *
 * <p>Thread-safe: the apply thread mutates it, other threads read it, all under this
 * node's monitor (as ZooKeeper synchronizes on its DataNode). Readers get copies.
 */
public final class DataNode {
    private final long czxid;
    private final long ctime;
    private final long ephemeralOwner;
    /** Empty until the first child: most znodes are leaves, and an empty HashSet is not free. */
    private Map<String, DataNode> children = Map.of();
    private byte[] data;
    private List<ACL> acl;
    private long mzxid;
    private long mtime;
    private long pzxid;
    private int version;
    private int cversion;
    private int aversion;

    DataNode(byte[] data, List<ACL> acl, long zxid, long time, long ephemeralOwner) {
        this.data = data;
        this.acl = acl;
        this.czxid = zxid;
        this.mzxid = zxid;
        this.pzxid = zxid;
        this.ctime = time;
        this.mtime = time;
        this.ephemeralOwner = ephemeralOwner;
    }

    /** [storage] A node read back from a snapshot, with every persisted stat field as saved. */
    DataNode(byte[] data, List<ACL> acl, Stat saved) {
        this.data = data;
        this.acl = acl;
        this.czxid = saved.czxid();
        this.mzxid = saved.mzxid();
        this.pzxid = saved.pzxid();
        this.ctime = saved.ctime();
        this.mtime = saved.mtime();
        this.ephemeralOwner = saved.ephemeralOwner();
        this.version = saved.version();
        this.cversion = saved.cversion();
        this.aversion = saved.aversion();
        if (saved.numChildren() > 0) {
            // The saved count sizes the set once, instead of growing it child by child.
            this.children = new HashMap<>((int) Math.min(1 << 30, saved.numChildren() * 4L / 3 + 1));
        }
    }

    /**
     * The stat as clients see it, which is not the stored one in two fields, exactly as
     * ZooKeeper's DataNode.copyStat: cversion is stored as the number of creates (sequential
     * names count those) but reported as the number of child changes, creates plus deletes,
     * i.e. {@code 2 * creates - numChildren}; and the owner of a container or TTL node is
     * reported as 0.
     */
    public synchronized Stat stat() {
        int numChildren = children.size();
        long clientOwner = EphemeralType.of(ephemeralOwner) == EphemeralType.NORMAL
                ? ephemeralOwner : 0;
        return new Stat(czxid, mzxid, ctime, mtime, version, cversion * 2 - numChildren,
                aversion, clientOwner, data == null ? 0 : data.length, numChildren, pzxid);
    }

    /** The data; never mutated in place, so callers may keep the array but must not change it. */
    /**
     * Copies the stored fields and the children (paths and nodes) into {@code into}, all under
     * this node's lock: one consistent state of the node for a snapshot, without a Stat per node.
     */
    public synchronized void copyStored(StoredNode into) {
        into.czxid = czxid;
        into.mzxid = mzxid;
        into.ctime = ctime;
        into.mtime = mtime;
        into.version = version;
        into.cversion = cversion;
        into.aversion = aversion;
        into.ephemeralOwner = ephemeralOwner;
        into.pzxid = pzxid;
        into.numChildren = children.size();
        into.takeChildren(children);
        into.data = data;
        into.acl = acl;
    }

    public synchronized byte[] data() {
        return data;
    }

    public synchronized List<ACL> acl() {
        return acl;
    }

    /** The children's names, cut from the paths the node holds. */
    public synchronized List<String> children() {
        List<String> names = new ArrayList<>(children.size());
        for (String path : children.keySet()) {
            names.add(Paths.name(path));
        }
        return names;
    }

    public synchronized int childCount() {
        return children.size();
    }

    public long ephemeralOwner() {
        return ephemeralOwner;
    }

    public synchronized int version() {
        return version;
    }

    /** The stored cversion: how many children were ever created here (see {@link #stat}). */
    public synchronized int cversion() {
        return cversion;
    }

    public synchronized int aversion() {
        return aversion;
    }

    public synchronized long mtime() {
        return mtime;
    }

    synchronized void addChild(String childPath, DataNode child, int newCversion, long zxid) {
        if (!(children instanceof HashMap)) { // the shared empty map, or none presized
            children = new HashMap<>(4);
        }
        children.put(childPath, child);
        // A replayed create may carry an older cversion than a fuzzy snapshot holds.
        if (newCversion > cversion) {
            cversion = newCversion;
            pzxid = zxid;
        }
    }

    synchronized void raiseCversion(int newCversion, long zxid) {
        if (newCversion > cversion) {
            cversion = newCversion;
            pzxid = zxid;
        }
    }

    synchronized void removeChild(String childPath, long zxid) {
        if (!children.isEmpty() && children.remove(childPath) != null && children.isEmpty()) {
            children = Map.of();
        }
        if (zxid > pzxid) {
            pzxid = zxid;
        }
    }

    synchronized long setData(byte[] newData, int newVersion, long zxid, long time) {
        long delta = length(newData) - length(data);
        data = newData;
        version = newVersion;
        mzxid = zxid;
        mtime = time;
        return delta;
    }

    synchronized void setAcl(List<ACL> newAcl, int newAversion) {
        acl = newAcl;
        aversion = newAversion;
    }

    /** Initial stat of the built-in nodes, as ZooKeeper's fresh DataTree reports them. */
    synchronized void initStat(int initialCversion, int initialAversion) {
        cversion = initialCversion;
        aversion = initialAversion;
    }

    static int length(byte[] b) {
        return b == null ? 0 : b.length;
    }
}
