package io.paddock.server.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.tree.DataTree;
import io.paddock.server.tree.EphemeralType;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jute.Record;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.Request;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;
import org.apache.zookeeper.txn.CheckVersionTxn;
import org.apache.zookeeper.txn.CloseSessionTxn;
import org.apache.zookeeper.txn.CreateContainerTxn;
import org.apache.zookeeper.txn.CreateSessionTxn;
import org.apache.zookeeper.txn.CreateTTLTxn;
import org.apache.zookeeper.txn.CreateTxn;
import org.apache.zookeeper.txn.CreateTxnV0;
import org.apache.zookeeper.txn.DeleteTxn;
import org.apache.zookeeper.txn.ErrorTxn;
import org.apache.zookeeper.txn.MultiTxn;
import org.apache.zookeeper.txn.SetACLTxn;
import org.apache.zookeeper.txn.SetDataTxn;
import org.apache.zookeeper.txn.Txn;
import org.apache.zookeeper.txn.TxnDigest;
import org.apache.zookeeper.txn.TxnHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every txn type ZooKeeper logs, including those a standalone server never writes (reconfig, a
 * pre-3.0 create, a closeSession without a record), written with ZooKeeper's own FileTxnLog;
 * Paddock's import must build the tree ZooKeeper's own restore builds from the same files.
 */
class EveryTxnTypeTest {
    private static final long S1 = 0x100000001L;
    private static final long S2 = 0x100000002L;
    private static final long S3 = 0x100000003L;
    private static final List<ACL> OPEN = ZooDefs.Ids.OPEN_ACL_UNSAFE;

    @TempDir
    Path dir;

    private final List<Request> txns = new ArrayList<>();
    private long zxid;

    @Test
    void importBuildsWhatZooKeeperRestores() throws Exception {
        FileTxnSnapLog snapLog = new FileTxnSnapLog(dir.toFile(), dir.toFile());
        snapLog.save(new org.apache.zookeeper.server.DataTree(), new ConcurrentHashMap<>(), true);
        snapLog.close();
        writeEveryType();
        FileTxnLog log = new FileTxnLog(new File(dir.toFile(), "version-2"));
        for (Request r : txns) {
            log.append(r);
        }
        log.commit();
        log.close();

        ZooKeeperImporter.Result imported = ZooKeeperImporter.load(ZooKeeperDataDir.of(dir, dir),
                Progress.NONE);
        ZooKeeperOracle.Restored zk = ZooKeeperOracle.restore(dir, dir);
        Map<String, String> paddock = ZooKeeperOracle.dump(imported.tree());
        assertNull(ZnodeDump.firstDifference(zk.nodes(), paddock));
        assertEquals(zk.sessions(), new TreeMap<>(imported.sessions()));
        assertEquals(zk.zxid(), imported.tree().lastProcessedZxid());

        DataTree tree = imported.tree();
        assertEquals(EphemeralType.CONTAINER_OWNER, tree.node("/c2").ephemeralOwner());
        assertEquals(EphemeralType.ttlOwner(9000), tree.node("/m/t").ephemeralOwner());
        assertNull(tree.node("/t"));
        assertEquals("server.1=127.0.0.1:2888:3888:participant;2181",
                new String(tree.node(DataTree.CONFIG).data(), StandardCharsets.UTF_8));
        assertEquals(Map.of(S3, 45_000), imported.sessions());
        assertTrue(tree.node("/v0").stat().cversion() >= 0);
        assertEquals(List.of(), imported.report().tornTails());
    }

    @Test
    void missingTxnsAreRefusedWithTheFileAndOffset() throws Exception {
        FileTxnSnapLog snapLog = new FileTxnSnapLog(dir.toFile(), dir.toFile());
        snapLog.save(new org.apache.zookeeper.server.DataTree(), new ConcurrentHashMap<>(), true);
        snapLog.close();
        add(S1, OpCode.createSession, new CreateSessionTxn(30_000), null);
        add(S1, OpCode.create, new CreateTxn("/a", null, OPEN, false, 1), null);
        zxid += 2; // two txns never reached this log
        add(S1, OpCode.create, new CreateTxn("/b", null, OPEN, false, 2), null);
        FileTxnLog log = new FileTxnLog(new File(dir.toFile(), "version-2"));
        for (Request r : txns) {
            log.append(r);
        }
        log.commit();
        log.close();
        io.paddock.storage.StorageCorruptionException e = org.junit.jupiter.api.Assertions
                .assertThrows(io.paddock.storage.StorageCorruptionException.class,
                        () -> ZooKeeperImporter.load(ZooKeeperDataDir.of(dir, dir), Progress.NONE));
        assertTrue(e.getMessage().contains("log.1") && e.getMessage().contains("txns are missing")
                && e.zxid() == 5 && e.offset() > 16, e.getMessage());
    }

    private void writeEveryType() throws Exception {
        add(S1, OpCode.createSession, new CreateSessionTxn(30_000), null);
        add(S2, OpCode.createSession, new CreateSessionTxn(20_000), new TxnDigest(2, 1234));
        add(S3, OpCode.createSession, new CreateSessionTxn(45_000), null);
        add(S1, OpCode.create, new CreateTxn("/a", bytes("a"), OPEN, false, 1), null);
        add(S1, OpCode.create2, new CreateTxn("/b", null, OPEN, false, 2), null);
        add(S1, OpCode.createContainer, new CreateContainerTxn("/c", bytes("c"), OPEN, 3), null);
        add(S1, OpCode.createContainer, new CreateContainerTxn("/c2", bytes("c"), OPEN, 4), null);
        add(S1, OpCode.createTTL, new CreateTTLTxn("/t", bytes("t"), OPEN, 5, 5000), null);
        add(S1, OpCode.create, new CreateTxn("/a/e1", null, OPEN, true, 1), null);
        add(S2, OpCode.create, new CreateTxn("/b/e2", null, OPEN, true, 1), null);
        add(S3, OpCode.create, new CreateTxn("/b/e3", null, OPEN, true, 2), null);
        add(S1, OpCode.create2, new CreateTxn("/c/x", bytes("x"), OPEN, false, 1), null);
        add(S1, OpCode.delete, new DeleteTxn("/c/x"), null);
        add(S1, OpCode.deleteContainer, new DeleteTxn("/c"), null);
        add(S1, OpCode.reconfig, new SetDataTxn(DataTree.CONFIG,
                bytes("server.1=127.0.0.1:2888:3888:participant;2181"), 1), null);
        List<ACL> digestAcl = new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL,
                new Id("digest", "alice:aGFzaA=="))));
        add(S1, OpCode.setACL, new SetACLTxn("/a", digestAcl, 1), null);
        add(S1, OpCode.setData, new SetDataTxn("/b", bytes("b2"), 1), null);
        add(S1, OpCode.multi, multi(
                sub(OpCode.create, new CreateTxn("/m", bytes("m"), OPEN, false, 7)),
                sub(OpCode.setData, new SetDataTxn("/a", bytes("a2"), 1)),
                sub(OpCode.check, new CheckVersionTxn("/a", 2)),
                sub(OpCode.createTTL, new CreateTTLTxn("/m/t", null, OPEN, 1, 9000)),
                sub(OpCode.delete, new DeleteTxn("/t"))), null);
        add(S1, OpCode.multi, multi(
                sub(OpCode.error, new ErrorTxn(0)),
                sub(OpCode.error, new ErrorTxn(-101)),
                sub(OpCode.error, new ErrorTxn(-2))), null);
        add(S1, OpCode.error, new ErrorTxn(-110), null);
        add(S1, OpCode.create, new CreateTxnV0("/v0", bytes("old"), OPEN, false), null);
        // Before 3.6 a closeSession has no record; the ephemerals go from the tree's own index.
        add(S2, OpCode.closeSession, null, null);
        add(S1, OpCode.closeSession, new CloseSessionTxn(List.of("/a/e1")), new TxnDigest(2, 5));
    }

    private void add(long session, int type, Record txn, TxnDigest digest) {
        zxid++;
        TxnHeader hdr = new TxnHeader(session, (int) zxid, zxid, 1_700_000_000_000L + zxid, type);
        txns.add(new Request(hdr, txn, digest));
    }

    private static MultiTxn multi(Txn... subs) {
        return new MultiTxn(List.of(subs));
    }

    private static Txn sub(int type, Record record) throws Exception {
        return new Txn(type, serialize(record));
    }

    private static byte[] serialize(Record record) throws Exception {
        java.io.ByteArrayOutputStream baos = new java.io.ByteArrayOutputStream();
        record.serialize(org.apache.jute.BinaryOutputArchive.getArchive(baos), "txn");
        return baos.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
