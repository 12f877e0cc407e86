package io.paddock.server.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Create2Response;
import io.paddock.protocol.CreateResponse;
import io.paddock.protocol.MultiResponse;
import io.paddock.protocol.MultiResult;
import io.paddock.protocol.SetACLResponse;
import io.paddock.protocol.SetDataResponse;
import io.paddock.protocol.Stat;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.EventType;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.txn.CheckVersionTxn;
import io.paddock.server.txn.CloseSessionTxn;
import io.paddock.server.txn.CreateTxn;
import io.paddock.server.txn.DeleteTxn;
import io.paddock.server.txn.ErrorTxn;
import io.paddock.server.txn.MultiTxn;
import io.paddock.server.txn.SetAclTxn;
import io.paddock.server.txn.SetDataTxn;
import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;
import io.paddock.server.watch.RecordingWatcher;
import io.paddock.server.watch.WatchManager;
import io.paddock.server.watch.WatcherMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataTreeTest {
    private final WatchManager watches = new WatchManager();
    private final DataTree tree = new DataTree(watches);

    private ApplyResult apply(long zxid, long time, int type, Txn txn) {
        return tree.apply(new TxnHeader(7, 1, zxid, time, type), txn);
    }

    private ApplyResult create(long zxid, String path, long owner, int parentCversion) {
        return apply(zxid, zxid * 100, OpCode.CREATE2,
                new CreateTxn(path, new byte[] {1, 2}, ACL.OPEN_ACL_UNSAFE, owner,
                        parentCversion));
    }

    @Test
    void startsWithTheZooKeeperSystemNodes() {
        assertEquals(4, tree.nodeCount());
        assertEquals(-1, tree.stat("/").cversion());
        assertEquals(1, tree.stat("/").numChildren());
        assertEquals(-2, tree.stat("/zookeeper").cversion());
        assertEquals(-1, tree.stat("/zookeeper/config").aversion());
        assertEquals(ACL.READ_ACL_UNSAFE, tree.node("/zookeeper/config").acl());
        assertEquals(0, tree.lastProcessedZxid());
    }

    @Test
    void createSetsEveryStatFieldAndTheParentsChildFields() {
        ApplyResult r = create(5, "/a", 0, 1);
        assertEquals(ErrorCode.OK, r.error());
        Stat s = ((Create2Response) r.response()).stat();
        assertEquals(new Stat(5, 5, 500, 500, 0, 0, 0, 0, 2, 0, 5), s);
        Stat root = tree.stat("/");
        assertEquals(5, root.pzxid());
        assertEquals(0, root.mzxid());
        assertEquals(2, root.numChildren());
        assertEquals(5, tree.lastProcessedZxid());
        ApplyResult plain = apply(6, 600, OpCode.CREATE,
                new CreateTxn("/b", null, ACL.OPEN_ACL_UNSAFE, 0, 2));
        assertEquals(new CreateResponse("/b"), plain.response());
        assertEquals(0, tree.stat("/b").dataLength());
    }

    @Test
    void setDataSetAclAndDeleteStats() {
        create(5, "/a", 0, 1);
        create(6, "/a/b", 0, 1);
        ApplyResult set = apply(7, 700, OpCode.SET_DATA, new SetDataTxn("/a", new byte[3], 1));
        Stat s = ((SetDataResponse) set.response()).stat();
        assertEquals(new Stat(5, 7, 500, 700, 1, 1, 0, 0, 3, 1, 6), s);
        ApplyResult acl = apply(8, 800, OpCode.SET_ACL,
                new SetAclTxn("/a", ACL.READ_ACL_UNSAFE, 1));
        assertEquals(1, ((SetACLResponse) acl.response()).stat().aversion());
        assertEquals(7, tree.stat("/a").mzxid());
        assertEquals(ACL.READ_ACL_UNSAFE, tree.node("/a").acl());
        ApplyResult del = apply(9, 900, OpCode.DELETE, new DeleteTxn("/a/b"));
        assertEquals(ErrorCode.OK, del.error());
        assertNull(del.response());
        Stat after = tree.stat("/a");
        assertEquals(9, after.pzxid());
        assertEquals(0, after.numChildren());
        assertEquals(2, after.cversion());
        assertEquals(7, after.mzxid());
    }

    @Test
    void replayIsHarmless() {
        create(5, "/a", 0, 1);
        assertEquals(ErrorCode.NODE_EXISTS, create(5, "/a", 0, 1).error());
        assertEquals(ErrorCode.NO_NODE, create(6, "/x/y", 0, 1).error());
        apply(7, 700, OpCode.DELETE, new DeleteTxn("/a"));
        assertEquals(ErrorCode.NO_NODE, apply(7, 700, OpCode.DELETE, new DeleteTxn("/a")).error());
        assertEquals(ErrorCode.NO_NODE,
                apply(8, 800, OpCode.SET_DATA, new SetDataTxn("/a", null, 1)).error());
        assertEquals(4, tree.nodeCount());
        assertEquals(8, tree.lastProcessedZxid());
    }

    @Test
    void indexesEphemeralsContainersAndTtls() {
        create(1, "/e", 0x55, 1);
        create(2, "/c", EphemeralType.CONTAINER_OWNER, 2);
        create(3, "/t", EphemeralType.ttlOwner(1000), 3);
        assertEquals(Set.of("/e"), tree.ephemerals(0x55));
        assertEquals(Map.of(0x55L, Set.of("/e")), tree.ephemeralsBySession());
        assertEquals(Set.of("/c"), tree.containers());
        assertEquals(Set.of("/t"), tree.ttls());
        assertEquals(0x55, tree.stat("/e").ephemeralOwner());
        assertEquals(0, tree.stat("/c").ephemeralOwner());
        assertEquals(0, tree.stat("/t").ephemeralOwner());
        assertEquals(EphemeralType.CONTAINER_OWNER, tree.node("/c").ephemeralOwner());
        assertEquals(0xFF000000000003E8L, tree.node("/t").ephemeralOwner());
        apply(4, 400, OpCode.DELETE, new DeleteTxn("/e"));
        apply(5, 500, OpCode.DELETE, new DeleteTxn("/c"));
        assertTrue(tree.ephemeralsBySession().isEmpty());
        assertTrue(tree.containers().isEmpty());
    }

    @Test
    void reapsUsedEmptyContainersAndExpiredTtls() {
        create(1, "/c", EphemeralType.CONTAINER_OWNER, 1);
        create(2, "/unused", EphemeralType.CONTAINER_OWNER, 2);
        create(3, "/c/x", 0, 1);
        create(4, "/t", EphemeralType.ttlOwner(1000), 3);
        create(5, "/tfull", EphemeralType.ttlOwner(1000), 4);
        create(6, "/tfull/x", 0, 1);
        // mtime of /t is 400, ttl 1000
        assertEquals(List.of(), tree.expiredContainersAndTtls(1400));
        assertEquals(List.of("/t"), tree.expiredContainersAndTtls(1401));
        apply(7, 700, OpCode.DELETE, new DeleteTxn("/c/x"));
        assertEquals(Set.of("/c", "/t"), Set.copyOf(tree.expiredContainersAndTtls(1401)));
        assertEquals(Set.of("/c", "/t", "/unused"),
                Set.copyOf(tree.expiredContainersAndTtls(10_000, 5_000)));
    }

    @Test
    void closeSessionDeletesItsEphemeralsAndFiresWatches() {
        create(1, "/e1", 0x7, 1);
        create(2, "/e2", 0x7, 2);
        create(3, "/other", 0x8, 3);
        RecordingWatcher w = new RecordingWatcher(9);
        watches.addDataWatch("/e1", w);
        watches.addChildWatch("/", w);
        ApplyResult r = tree.apply(new TxnHeader(0x7, 0, 4, 400, OpCode.CLOSE_SESSION),
                new CloseSessionTxn(List.of("/e1")));
        assertNull(r.response());
        assertNull(tree.node("/e1"));
        assertNull(tree.node("/e2"));
        assertNotNull(tree.node("/other"));
        assertEquals(2, r.notifications().size());
        assertEquals(EventType.NODE_DELETED, r.notifications().get(0).event().type());
        assertEquals(EventType.NODE_CHILDREN_CHANGED, r.notifications().get(1).event().type());
        assertEquals(4, tree.stat("/").pzxid());
    }

    @Test
    void successfulMultiAnswersPerOpAndFailedMultiChangesNothing() {
        create(1, "/a", 0, 1);
        ApplyResult ok = tree.apply(new TxnHeader(7, 1, 2, 200, OpCode.MULTI), new MultiTxn(
                List.of(new CreateTxn("/a/b", null, ACL.OPEN_ACL_UNSAFE, 0, 1),
                        new CreateTxn("/a/c", null, ACL.OPEN_ACL_UNSAFE, 0, 2),
                        new CheckVersionTxn("/a", 1), new SetDataTxn("/a", new byte[1], 1),
                        new DeleteTxn("/a/b")),
                List.of(OpCode.CREATE, OpCode.CREATE2, OpCode.CHECK, OpCode.SET_DATA,
                        OpCode.DELETE)));
        assertEquals(ErrorCode.OK, ok.error());
        List<MultiResult> results = ((MultiResponse) ok.response()).results();
        assertEquals(new MultiResult(OpCode.CREATE, 0, new CreateResponse("/a/b")),
                results.get(0));
        assertEquals("/a/c", ((Create2Response) results.get(1).response()).path());
        assertEquals(new MultiResult(OpCode.CHECK, 0, null), results.get(2));
        assertEquals(1, ((SetDataResponse) results.get(3).response()).stat().version());
        assertEquals(new MultiResult(OpCode.DELETE, 0, null), results.get(4));

        int nodes = tree.nodeCount();
        ApplyResult failed = tree.apply(new TxnHeader(7, 2, 3, 300, OpCode.MULTI), new MultiTxn(
                List.of(new ErrorTxn(0), new ErrorTxn(-110), new ErrorTxn(-2))));
        assertEquals(ErrorCode.OK, failed.error());
        assertEquals(List.of(MultiResult.error(0), MultiResult.error(-110),
                MultiResult.error(-2)), ((MultiResponse) failed.response()).results());
        assertEquals(nodes, tree.nodeCount());
        assertEquals(3, tree.lastProcessedZxid());
    }

    @Test
    void mixedMultiFromZooKeeperStyleTxnIsTreatedAsFailed() {
        ApplyResult r = tree.apply(new TxnHeader(7, 2, 3, 300, OpCode.MULTI), new MultiTxn(
                List.of(new CreateTxn("/z", null, ACL.OPEN_ACL_UNSAFE, 0, 1), new ErrorTxn(-101),
                        new DeleteTxn("/zookeeper/quota"))));
        assertNull(tree.node("/z"));
        assertEquals(List.of(MultiResult.error(0), MultiResult.error(-101),
                MultiResult.error(-2)), ((MultiResponse) r.response()).results());
    }

    @Test
    void recursiveWatchSeesCreatesUnderIt() {
        RecordingWatcher w = new RecordingWatcher(1);
        watches.addPersistentWatch("/", w, WatcherMode.PERSISTENT_RECURSIVE);
        ApplyResult r = create(1, "/a", 0, 1);
        assertEquals(1, r.notifications().size());
        assertEquals("/a", r.notifications().get(0).event().path());
    }

    @Test
    void sizeAndDescendantCounts() {
        long base = tree.approximateDataSize();
        create(1, "/a", 0, 1);
        assertEquals(base + 2 + 2, tree.approximateDataSize());
        apply(2, 200, OpCode.SET_DATA, new SetDataTxn("/a", new byte[10], 1));
        assertEquals(base + 2 + 10, tree.approximateDataSize());
        create(3, "/a/b", 0, 1);
        create(4, "/a/b/c", 0, 1);
        assertEquals(2, tree.descendantCount("/a"));
        assertEquals(6, tree.descendantCount("/"));
        apply(5, 500, OpCode.DELETE, new DeleteTxn("/a/b/c"));
        assertEquals(base + 2 + 10 + 6, tree.approximateDataSize());
    }

    @Test
    void utf8LengthMatchesTheEncoder() {
        String[] samples = {"", "/a", "/caf\u00e9", "/\u20ac/\u65e5\u672c", "/\ud83d\ude00x",
            "/lone\ud83d", "/\ude00lone", "/\ud83d\ud83d\ude00", "/\u07ff\u0800\uffff"};
        for (String s : samples) {
            assertEquals(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                    DataTree.utf8Length(s), s);
        }
    }
}
