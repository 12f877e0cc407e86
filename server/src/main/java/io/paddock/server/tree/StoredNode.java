package io.paddock.server.tree;

import io.paddock.protocol.ACL;
import java.util.List;
import java.util.Map;

/**
 * A reusable copy of what a snapshot saves of one node, filled by
 * {@link DataNode#copyStored(StoredNode)} under the node's lock so the fields agree, and
 * encoded after the lock is released so no I/O happens while the apply thread may want the node.
 * Holding the data array is safe: a node's data is replaced on setData, never changed in place.
 * The child arrays are reused from node to node and only grow, so a walk over a tree with one
 * huge directory keeps one array of that size, not one per node.
 *
 * <p>Not thread-safe: one per snapshot walk.
 */
public final class StoredNode {
    long czxid;
    long mzxid;
    long ctime;
    long mtime;
    int version;
    int cversion;
    int aversion;
    long ephemeralOwner;
    long pzxid;
    int numChildren;
    byte[] data;
    List<ACL> acl;
    private String[] childPaths = new String[16];
    private DataNode[] childNodes = new DataNode[16];

    public long czxid() {
        return czxid;
    }

    public long mzxid() {
        return mzxid;
    }

    public long ctime() {
        return ctime;
    }

    public long mtime() {
        return mtime;
    }

    public int version() {
        return version;
    }

    /** The stored cversion (not the client's view, which {@link DataNode#stat()} computes). */
    public int cversion() {
        return cversion;
    }

    public int aversion() {
        return aversion;
    }

    /** The stored owner, TTL and container markers included. */
    public long ephemeralOwner() {
        return ephemeralOwner;
    }

    public long pzxid() {
        return pzxid;
    }

    public int numChildren() {
        return numChildren;
    }

    public byte[] data() {
        return data;
    }

    public List<ACL> acl() {
        return acl;
    }

    /** The path of child {@code i}, for i below {@link #numChildren()}. */
    public String childPath(int i) {
        return childPaths[i];
    }

    /** The node of child {@code i}, as it was when copied. */
    public DataNode childNode(int i) {
        return childNodes[i];
    }

    void takeChildren(Map<String, DataNode> children) {
        int n = children.size();
        if (childPaths.length < n) {
            childPaths = new String[Math.max(n, childPaths.length * 2)];
            childNodes = new DataNode[childPaths.length];
        }
        int i = 0;
        for (Map.Entry<String, DataNode> e : children.entrySet()) {
            childPaths[i] = e.getKey();
            childNodes[i] = e.getValue();
            i++;
        }
    }
}
