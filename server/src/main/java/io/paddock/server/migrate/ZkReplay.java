package io.paddock.server.migrate;

import io.paddock.protocol.op.OpCode;
import io.paddock.server.tree.DataNode;
import io.paddock.server.tree.DataTree;
import io.paddock.server.tree.Paths;
import io.paddock.server.txn.CloseSessionTxn;
import io.paddock.server.txn.CreateSessionTxn;
import io.paddock.server.txn.CreateTxn;
import io.paddock.server.txn.MultiTxn;
import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies ZooKeeper's logged txns after a snapshot to the tree and sessions read from it, with
 * the rules of ZooKeeper's own restore (FileTxnSnapLog.processTransaction, DataTree.processTxn):
 * createSession opens a session and closeSession closes it and deletes its ephemerals; a create
 * of a node the fuzzy snapshot already holds gives it the txn's ACL and moves the parent's
 * cversion and pzxid only forward, a delete of a missing node still moves the parent's pzxid,
 * and a pre-3.0 create's parentCVersion of -1 means the parent's cversion plus one. The tree's
 * own apply is idempotent in the same way.
 *
 * <p>It also checks ZooKeeper's tree digests where the log or snapshot gives one.
 *
 * <p>Not thread-safe: one import.
 */
final class ZkReplay {
    private final DataTree tree;
    private final Map<Long, Integer> sessions;
    private final Set<String> unresolvedAcls;
    private final ZkSnapshot.Digest snapshotDigest;
    private final List<String> digestChecks = new ArrayList<>();
    private long applied;
    private long first = -1;
    private Long lastDigest;
    private long lastDigestZxid;

    ZkReplay(ZkSnapshot snapshot) {
        this.tree = snapshot.tree();
        this.sessions = snapshot.sessions();
        this.unresolvedAcls = snapshot.unresolvedAcls();
        ZkSnapshot.Digest d = snapshot.digest();
        // As ZooKeeper: a digest of no zxid, or of one before the snapshot began, checks nothing.
        this.snapshotDigest = d != null && d.zxid() >= snapshot.zxid() && d.zxid() > 0
                && d.version() == ZkDigest.VERSION ? d : null;
        if (snapshotDigest != null && snapshotDigest.zxid() == snapshot.zxid()) {
            check("snapshot", snapshot.zxid(), snapshotDigest.value());
        }
    }

    void apply(ZkTxn logged) {
        TxnHeader header = logged.header();
        Txn txn = resolveParentCVersions(logged.txn());
        if (!(txn instanceof MultiTxn m && m.failed())) {
            giveExistingNodesTheirAcl(txn);
        }
        if (txn instanceof CreateSessionTxn cs) {
            sessions.put(header.sessionId(), cs.timeout());
        }
        tree.apply(header, txn);
        if (txn instanceof CloseSessionTxn) {
            sessions.remove(header.sessionId());
        }
        if (first < 0) {
            first = header.zxid();
        }
        applied++;
        if (logged.digest() != null) {
            lastDigest = logged.digest();
            lastDigestZxid = header.zxid();
        }
        if (snapshotDigest != null && snapshotDigest.zxid() == header.zxid()) {
            check("snapshot", header.zxid(), snapshotDigest.value());
        }
    }

    /** Checks the digest of the last txn replayed; call once, at the end. */
    void finish() {
        if (lastDigest != null && lastDigestZxid == tree.lastProcessedZxid()) {
            check("log", lastDigestZxid, lastDigest);
        }
        if (digestChecks.isEmpty()) {
            digestChecks.add("not checked (ZooKeeper stored no digest for the last zxid)");
        }
    }

    long applied() {
        return applied;
    }

    long first() {
        return first;
    }

    List<String> digestChecks() {
        return digestChecks;
    }

    /**
     * Deletes the ephemerals of sessions that are not open, as ZooKeeper's loadData does after
     * its restore; returns how many were deleted.
     */
    int deleteOrphanEphemerals() {
        int deleted = 0;
        long zxid = tree.lastProcessedZxid();
        for (Map.Entry<Long, Set<String>> e : tree.ephemeralsBySession().entrySet()) {
            if (!sessions.containsKey(e.getKey())) {
                deleted += e.getValue().size();
                tree.apply(new TxnHeader(e.getKey(), 0, zxid, 0, OpCode.CLOSE_SESSION),
                        new CloseSessionTxn(List.of()));
            }
        }
        return deleted;
    }

    private void check(String where, long zxid, long expected) {
        long actual = ZkDigest.of(tree);
        digestChecks.add((actual == expected ? "matches" : "MISMATCH with") + " ZooKeeper's "
                + where + " digest at zxid 0x" + Long.toHexString(zxid)
                + (actual == expected ? "" : " (ZooKeeper " + Long.toHexString(expected)
                + ", imported " + Long.toHexString(actual) + ")"));
    }

    private Txn resolveParentCVersions(Txn txn) {
        if (txn instanceof CreateTxn c && c.parentCVersion() == -1) {
            String parentPath = Paths.parent(c.path());
            DataNode parent = parentPath == null ? null : tree.node(parentPath);
            int next = parent == null ? -1 : parent.cversion() + 1;
            return new CreateTxn(c.path(), c.data(), c.acl(), c.ephemeralOwner(), next);
        }
        if (txn instanceof MultiTxn m) {
            List<Txn> subs = new ArrayList<>(m.txns().size());
            for (Txn sub : m.txns()) {
                subs.add(resolveParentCVersions(sub));
            }
            return new MultiTxn(subs, m.opCodes());
        }
        return txn;
    }

    private void giveExistingNodesTheirAcl(Txn txn) {
        if (txn instanceof CreateTxn c) {
            String parent = Paths.parent(c.path());
            if (parent != null && tree.node(parent) != null
                    && tree.replaceAclOnReplay(c.path(), c.acl())) {
                unresolvedAcls.remove(c.path());
            }
        } else if (txn instanceof MultiTxn m) {
            m.txns().forEach(this::giveExistingNodesTheirAcl);
        }
    }
}
