package io.paddock.server.migrate;

import io.paddock.server.tree.DataTree;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One ZooKeeper snapshot, read and verified.
 * Immutable once built; the tree is handed on to one owner.
 *
 * @param file the snapshot file
 * @param zxid the zxid in its name: the last txn applied when ZooKeeper started writing it
 * @param compression its form
 * @param tree its znodes, in a new tree whose last processed zxid is {@code zxid}
 * @param sessions its sessions, id to timeout in milliseconds
 * @param nodeCount how many znodes it held
 * @param digest the tree digest ZooKeeper 3.6+ stored after the tree, or null
 * @param lastProcessedZxid the zxid ZooKeeper 3.9 stored last, or null
 * @param unresolvedAcls nodes whose ACL reference the snapshot's ACL table lacks
 */
record ZkSnapshot(Path file, long zxid, ZkCompression compression, DataTree tree,
        Map<Long, Integer> sessions, int nodeCount, Digest digest, Long lastProcessedZxid,
        Set<String> unresolvedAcls) {

    /** ZooKeeper's {@code ZxidDigest}: the tree digest as of a zxid; zxid 0 means none. */
    record Digest(long zxid, int version, long value) {
    }
}
