package io.paddock.server.migrate;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;

/**
 * A bit of everything ZooKeeper logs, through the official client: every create mode
 * (persistent, sequential, ephemeral, container, TTL), create2, ACLs of several schemes, setData
 * and setACL, deletes, successful and failed multis, error txns and closed sessions.
 */
final class Workload {
    static final int SESSION_TIMEOUT = 40_000;

    private Workload() {
    }

    static ZooKeeper connect(String connectString, Watcher watcher) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, SESSION_TIMEOUT, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
            if (watcher != null) {
                watcher.process(e);
            }
        });
        assertTrue(connected.await(20, TimeUnit.SECONDS), "connected to " + connectString);
        return zk;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Runs the workload; {@code keeper} is a session left open, owning ephemerals.
     *
     * @param rounds how many rounds of the main loop (about 12 txns each)
     */
    static void run(String connectString, ZooKeeper zk, ZooKeeper keeper, int rounds)
            throws Exception {
        List<ACL> openAcl = ZooDefs.Ids.OPEN_ACL_UNSAFE;
        zk.create("/app", bytes("root"), openAcl, CreateMode.PERSISTENT);
        zk.create("/app/seq", null, openAcl, CreateMode.PERSISTENT);
        zk.create("/box", new byte[0], openAcl, CreateMode.CONTAINER);
        zk.create("/box/in", bytes("x"), openAcl, CreateMode.PERSISTENT);
        zk.create("/ttl", bytes("t"), openAcl, CreateMode.PERSISTENT_WITH_TTL, new Stat(), 3_600_000);
        zk.create("/ttl-seq-", bytes("t"), openAcl, CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL,
                new Stat(), 7_200_000);
        zk.addAuthInfo("digest", bytes("alice:secret"));
        zk.create("/private", bytes("mine"), ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
        List<ACL> mixed = new ArrayList<>(List.of(
                new ACL(ZooDefs.Perms.READ, new Id("world", "anyone")),
                new ACL(ZooDefs.Perms.ALL, new Id("ip", "127.0.0.1"))));
        zk.create("/mixed", bytes("m"), mixed, CreateMode.PERSISTENT);
        zk.setACL("/app", new ArrayList<>(List.of(new ACL(ZooDefs.Perms.READ | ZooDefs.Perms.ADMIN,
                new Id("world", "anyone")))), -1);
        zk.setACL("/app", openAcl, -1);
        keeper.create("/app/owned", bytes("e"), openAcl, CreateMode.EPHEMERAL);
        keeper.create("/app/owned-seq-", bytes("e"), openAcl, CreateMode.EPHEMERAL_SEQUENTIAL);
        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        zk.create("/big", big, openAcl, CreateMode.PERSISTENT);
        for (int i = 0; i < rounds; i++) {
            round(zk, i);
        }
        closedSessionWithEphemerals(connectString);
    }

    private static void round(ZooKeeper zk, int i) throws Exception {
        List<ACL> openAcl = ZooDefs.Ids.OPEN_ACL_UNSAFE;
        String p = zk.create("/app/seq/item-", bytes("v" + i), openAcl,
                CreateMode.PERSISTENT_SEQUENTIAL);
        zk.setData(p, bytes("changed-" + i), 0);
        if (i % 3 == 0) {
            zk.delete(p, 1);
        }
        zk.create("/app/n" + i, bytes("n"), openAcl, CreateMode.PERSISTENT, new Stat());
        if (i % 4 == 1) {
            zk.multi(List.of(
                    Op.create("/app/multi-" + i, bytes("m"), openAcl, CreateMode.PERSISTENT),
                    Op.create("/box/m" + i, null, openAcl, CreateMode.PERSISTENT),
                    Op.setData("/app", bytes("root-" + i), -1),
                    Op.check("/app/n" + i, 0),
                    Op.delete("/app/n" + i, 0)));
        }
        if (i % 5 == 2) {
            // A failed multi: logged as error txns, changes nothing.
            assertThrows(KeeperException.class, () -> zk.multi(List.of(
                    Op.create("/app/never", null, openAcl, CreateMode.PERSISTENT),
                    Op.delete("/does-not-exist", -1))));
            // A failed single op: an error txn in ZooKeeper's log.
            assertThrows(KeeperException.NodeExistsException.class,
                    () -> zk.create("/app", null, openAcl, CreateMode.PERSISTENT));
        }
        if (i % 6 == 3) {
            zk.setACL("/mixed", new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL,
                    new Id("world", "anyone")))), -1);
            zk.setData("/mixed", bytes("m" + i), -1);
        }
        if (i % 7 == 4) {
            zk.create("/box/tmp" + i, bytes("x"), openAcl, CreateMode.PERSISTENT);
            zk.delete("/box/tmp" + i, -1);
        }
    }

    /** A session that makes ephemerals and closes: a closeSession txn with paths. */
    private static void closedSessionWithEphemerals(String connectString) throws Exception {
        ZooKeeper leaving = connect(connectString, null);
        leaving.create("/app/leaving", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        leaving.create("/box/leaving", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        leaving.close();
    }
}
