package io.paddock.server.tree;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Stat;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;
import io.paddock.server.watch.Notification;
import io.paddock.server.watch.WatchManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The znode tree: path to {@link DataNode}, plus indexes of ephemerals (by session),
 * containers and TTL nodes.
 *
 * <p>Threading: exactly one thread (the apply thread) calls {@link #apply} and the other
 * mutators; any thread may read concurrently. The path map and indexes are concurrent
 * collections and each node guards its own fields, as in ZooKeeper, so a reader sees every
 * node in some applied state, though not necessarily one consistent cut of the whole tree.
 */
public final class DataTree {
    public static final String ROOT = "/";
    public static final String ZOOKEEPER = "/zookeeper";
    public static final String QUOTA = "/zookeeper/quota";
    public static final String CONFIG = "/zookeeper/config";

    private final WatchManager watches;
    private final AclInterner acls = new AclInterner();
    // Volatile, not final: a learner installing its leader's snapshot swaps them whole, so a
    // reader sees the old tree or the new one, never half of each (replaceContents).
    private volatile ConcurrentHashMap<String, DataNode> nodes;
    private volatile ConcurrentHashMap<Long, Set<String>> ephemerals = new ConcurrentHashMap<>();
    private volatile Set<String> containers = ConcurrentHashMap.newKeySet();
    private volatile Set<String> ttls = ConcurrentHashMap.newKeySet();
    private final TxnApplier applier = new TxnApplier(this);
    private volatile long lastProcessedZxid;
    private volatile long dataSize;
    /**
     * The last parent {@link #restoreNode} looked up. A snapshot lists a node's children right
     * after it, so consecutive restores mostly share a parent; recovery thread only.
     */
    private String restoreParentPath;
    private DataNode restoreParent;

    public DataTree(WatchManager watches) {
        this(watches, 16);
    }

    /**
     * [storage] A tree sized for about {@code expectedNodes} nodes, so that restoring a large
     * snapshot does not spend its time growing the node map.
     */
    public DataTree(WatchManager watches, int expectedNodes) {
        this.watches = watches;
        this.nodes = new ConcurrentHashMap<>(Math.max(16, expectedNodes));
        builtIn(ROOT, ACL.OPEN_ACL_UNSAFE);
        builtIn(ZOOKEEPER, ACL.OPEN_ACL_UNSAFE);
        builtIn(QUOTA, ACL.OPEN_ACL_UNSAFE);
        // ZooKeeper sets the config node's ACL with version -1 when it builds the tree.
        builtIn(CONFIG, ACL.READ_ACL_UNSAFE).initStat(0, -1);
    }

    /**
     * Applies one committed txn, fires the watches it triggers and returns what the client
     * that sent it gets. Replaying an already-applied txn is harmless (ZooKeeper's
     * idempotence: an existing node on create or a missing one on delete is an error result,
     * not a failure of the tree).
     */
    public ApplyResult apply(TxnHeader header, Txn txn) {
        ApplyResult result = applier.apply(header, txn);
        if (header.zxid() > lastProcessedZxid) {
            lastProcessedZxid = header.zxid();
        }
        return result;
    }

    /**
     * [ensemble] Takes every node of {@code source} (a snapshot a learner received from its
     * leader) in place of its own, and its last processed zxid, taking {@code source}'s maps
     * whole (so {@code source} must not be used afterwards). Readers see the old tree or the new;
     * nothing may apply a txn meanwhile.
     */
    public void replaceContents(DataTree source) {
        nodes = source.nodes;
        ephemerals = source.ephemerals;
        containers = source.containers;
        ttls = source.ttls;
        dataSize = source.dataSize;
        restoreParentPath = null;
        restoreParent = null;
        lastProcessedZxid = source.lastProcessedZxid;
    }

    /**
     * [ensemble] Writes the ensemble's membership into {@code /zookeeper/config}, as each
     * ZooKeeper server does locally (not by a txn) when it loads its configuration; before the
     * server serves, or on the apply thread.
     */
    public void setConfig(byte[] data, long version, long nowMillis) {
        DataNode node = nodes.get(CONFIG);
        long delta = node.setData(data, node.version(), version, nowMillis);
        dataSize += delta;
    }

    public WatchManager watches() {
        return watches;
    }

    public long lastProcessedZxid() {
        return lastProcessedZxid;
    }

    /** Sets the zxid a restored snapshot or log replay reached. */
    public void setLastProcessedZxid(long zxid) {
        lastProcessedZxid = zxid;
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** Bytes of paths plus data, the figure ZooKeeper's mntr reports as approximate size. */
    public long approximateDataSize() {
        return dataSize;
    }

    /** The node at the path, or null. */
    public DataNode node(String path) {
        return nodes.get(path);
    }

    /** The node's stat, or null when there is no such node. */
    public Stat stat(String path) {
        DataNode n = nodes.get(path);
        return n == null ? null : n.stat();
    }

    public Set<String> ephemerals(long sessionId) {
        Set<String> paths = ephemerals.get(sessionId);
        return paths == null ? new HashSet<>() : new HashSet<>(paths);
    }

    public Map<Long, Set<String>> ephemeralsBySession() {
        Map<Long, Set<String>> copy = new HashMap<>();
        ephemerals.forEach((session, paths) -> {
            if (!paths.isEmpty()) {
                copy.put(session, new HashSet<>(paths));
            }
        });
        return copy;
    }

    public Set<String> containers() {
        return new HashSet<>(containers);
    }

    public Set<String> ttls() {
        return new HashSet<>(ttls);
    }

    /** Nodes below the path (all nodes but the root for "/"), as getAllChildrenNumber counts. */
    public int descendantCount(String path) {
        if (ROOT.equals(path)) {
            return nodes.size() - 1;
        }
        String prefix = path + "/";
        return (int) nodes.keySet().stream().filter(p -> p.startsWith(prefix)).count();
    }

    /** Containers and TTL nodes due for deletion; see {@link #expiredContainersAndTtls(long, long)}. */
    public List<String> expiredContainersAndTtls(long nowMillis) {
        return expiredContainersAndTtls(nowMillis, 0);
    }

    /**
     * ZooKeeper's ContainerManager rules: an empty container that once had a child
     * (cversion &gt; 0), or one that never had any but was last modified more than
     * {@code maxNeverUsedMillis} ago (0 disables that); and an empty TTL node whose mtime
     * plus TTL lies before now.
     */
    public List<String> expiredContainersAndTtls(long nowMillis, long maxNeverUsedMillis) {
        List<String> due = new ArrayList<>();
        for (String path : containers) {
            DataNode n = nodes.get(path);
            if (n != null && n.childCount() == 0) {
                boolean used = n.cversion() > 0;
                if (used || (maxNeverUsedMillis != 0
                        && nowMillis - n.mtime() > maxNeverUsedMillis)) {
                    due.add(path);
                }
            }
        }
        for (String path : ttls) {
            DataNode n = nodes.get(path);
            if (n != null && n.childCount() == 0) {
                long ttl = EphemeralType.ttlOf(n.ephemeralOwner());
                if (ttl != 0 && nowMillis - n.mtime() > ttl) {
                    due.add(path);
                }
            }
        }
        return due;
    }

    /**
     * [storage] Puts a node read from a snapshot in place, replacing a built-in one, with its
     * saved stat. Parents must be restored before their children; the parent's own stat is
     * left as saved. Recovery only, before the tree is shared.
     */
    public void restoreNode(String path, byte[] data, List<ACL> acl, Stat saved) {
        if (path.equals(restoreParentPath)) {
            restoreParentPath = null; // replaced: the cached node is no longer in the tree
            restoreParent = null;
        }
        int slash = path.lastIndexOf('/');
        DataNode parent = restoredParent(path, slash);
        DataNode node = new DataNode(data, acls.intern(acl), saved);
        DataNode old = nodes.put(path, node);
        long sizeChange = size(path, data);
        if (old != null) {
            sizeChange -= size(path, old.data());
        }
        dataSize += sizeChange;
        if (parent != null) {
            parent.addChild(path, node, Integer.MIN_VALUE, 0);
        }
        long owner = saved.ephemeralOwner();
        switch (EphemeralType.of(owner)) {
            case CONTAINER -> containers.add(path);
            case TTL -> ttls.add(path);
            case NORMAL -> ephemerals.computeIfAbsent(owner, k -> ConcurrentHashMap.newKeySet())
                    .add(path);
            default -> {
            }
        }
    }

    private DataNode restoredParent(String path, int slash) {
        if (slash < 0 || path.equals(ROOT)) {
            return null;
        }
        int end = slash == 0 ? 1 : slash;
        String cached = restoreParentPath;
        if (cached != null && cached.length() == end && path.startsWith(cached)) {
            return restoreParent;
        }
        String parentPath = path.substring(0, end);
        DataNode parent = nodes.get(parentPath);
        if (parent == null) {
            throw new IllegalStateException("restoring " + path + " before its parent");
        }
        restoreParentPath = parentPath;
        restoreParent = parent;
        return parent;
    }

    /**
     * [storage] The tree's shared copy of an ACL list, for a snapshot reader that meets the same
     * ACL on many nodes: handing that copy to {@link #restoreNode} skips hashing it per node.
     */
    public List<ACL> internAcl(List<ACL> acl) {
        return acls.intern(acl);
    }

    /**
     * [storage] Gives an existing node the ACL of a replayed create, leaving its aversion: what
     * ZooKeeper's DataTree.createNode does when a replayed create finds the node there, which
     * mends a fuzzy snapshot's reference to an ACL written after its ACL table. Replay only.
     *
     * @return false if there is no such node
     */
    public boolean replaceAclOnReplay(String path, List<ACL> acl) {
        DataNode n = nodes.get(path);
        if (n == null) {
            return false;
        }
        n.setAcl(acls.intern(acl), n.aversion());
        return true;
    }

    // ---- mutations, apply thread only ----

    ErrorCode createNode(String path, byte[] data, List<ACL> acl, long owner, int parentCVersion,
            long zxid, long time, List<Notification> out) {
        String parentPath = Paths.parent(path);
        DataNode parent = parentPath == null ? null : nodes.get(parentPath);
        if (parent == null) {
            return ErrorCode.NO_NODE;
        }
        if (nodes.containsKey(path)) {
            // ZooKeeper's replay fix-up: a re-created node still moves the parent's cversion.
            parent.raiseCversion(parentCVersion, zxid);
            return ErrorCode.NODE_EXISTS;
        }
        DataNode child = new DataNode(data, acls.intern(acl), zxid, time, owner);
        nodes.put(path, child);
        parent.addChild(path, child, parentCVersion, zxid);
        dataSize += size(path, data);
        switch (EphemeralType.of(owner)) {
            case CONTAINER -> containers.add(path);
            case TTL -> ttls.add(path);
            case NORMAL -> ephemerals.computeIfAbsent(owner, k -> ConcurrentHashMap.newKeySet())
                    .add(path);
            default -> {
            }
        }
        out.addAll(watches.nodeCreated(path, acl, parentPath, parent.acl()));
        return ErrorCode.OK;
    }

    ErrorCode deleteNode(String path, long zxid, List<Notification> out) {
        String parentPath = Paths.parent(path);
        DataNode parent = parentPath == null ? null : nodes.get(parentPath);
        if (parent == null) {
            return ErrorCode.NO_NODE;
        }
        parent.removeChild(path, zxid);
        DataNode node = nodes.remove(path);
        if (node == null) {
            return ErrorCode.NO_NODE;
        }
        dataSize -= size(path, node.data());
        long owner = node.ephemeralOwner();
        switch (EphemeralType.of(owner)) {
            case CONTAINER -> containers.remove(path);
            case TTL -> ttls.remove(path);
            case NORMAL -> {
                Set<String> paths = ephemerals.get(owner);
                if (paths != null) {
                    paths.remove(path);
                    if (paths.isEmpty()) {
                        ephemerals.remove(owner, paths);
                    }
                }
            }
            default -> {
            }
        }
        out.addAll(watches.nodeDeleted(path, node.acl(), parentPath, parent.acl()));
        return ErrorCode.OK;
    }

    Stat setData(String path, byte[] data, int version, long zxid, long time,
            List<Notification> out) {
        DataNode n = nodes.get(path);
        if (n == null) {
            return null;
        }
        dataSize += n.setData(data, version, zxid, time);
        out.addAll(watches.nodeDataChanged(path, n.acl()));
        return n.stat();
    }

    Stat setAcl(String path, List<ACL> acl, int version) {
        DataNode n = nodes.get(path);
        if (n == null) {
            return null;
        }
        n.setAcl(acls.intern(acl), version);
        return n.stat();
    }

    /** Removes the session's ephemeral index entry, returning the paths it still held. */
    Set<String> takeEphemerals(long sessionId) {
        Set<String> paths = ephemerals.remove(sessionId);
        return paths == null ? new HashSet<>() : new HashSet<>(paths);
    }

    private DataNode builtIn(String path, List<ACL> acl) {
        DataNode node = new DataNode(new byte[0], acls.intern(acl), 0, 0, 0);
        nodes.put(path, node);
        String parent = Paths.parent(path);
        if (parent != null) {
            // Attaching a built-in node leaves the parent's cversion as ZooKeeper's fresh tree has it.
            nodes.get(parent).addChild(path, node, Integer.MIN_VALUE, 0);
        }
        dataSize += size(path, node.data());
        return node;
    }

    private static long size(String path, byte[] data) {
        return utf8Length(path) + DataNode.length(data);
    }

    /**
     * The length of {@code s.getBytes(UTF_8)} without encoding it: this runs on every create and
     * delete. An unpaired surrogate counts one byte, the '?' the encoder puts in its place.
     */
    static int utf8Length(String s) {
        int n = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (!Character.isSurrogate(c)) {
                n += 3;
            } else if (Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 1;
            }
        }
        return n;
    }
}
