package io.paddock.server.migrate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.PaddockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The way back: ZooKeeper's data imported into Paddock, changed there, exported with
 * {@code paddock-migrate.sh export}, and Apache ZooKeeper 3.9.5 started on the export must show
 * exactly what Paddock showed, resume the sessions, continue the sequence counters and agree with
 * the tree digest the export wrote.
 */
class PaddockToZooKeeperTest {
    private static final List<org.apache.zookeeper.data.ACL> OPEN = ZooDefs.Ids.OPEN_ACL_UNSAFE;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "export compression={0}")
    @EnumSource(ZkCompression.class)
    void zooKeeperStartsWherePaddockStopped(ZkCompression compression) throws Exception {
        Path zkData = tmp.resolve("zk");
        List<Watcher.Event.KeeperState> states = new CopyOnWriteArrayList<>();
        ZooKeeper keeper;
        int port;
        try (RealZooKeeper zk = RealZooKeeper.start(zkData, zkData, 0, 40, ZkCompression.NONE)) {
            port = zk.port();
            ZooKeeper client = Workload.connect(zk.connectString(), null);
            keeper = Workload.connect(zk.connectString(), e -> states.add(e.getState()));
            Workload.run(zk.connectString(), client, keeper, 30);
            client.close();
        }
        Map<String, String> paddockView;
        ZooKeeper newcomer;
        String paddockNext;
        try (PaddockServer paddock = MigrationFixture.startPaddock(zkData, null, port)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> keeper.getState().isConnected());
            ZooKeeper client = Workload.connect("127.0.0.1:" + port, null);
            client.addAuthInfo("digest", Workload.bytes("alice:secret"));
            changeOnPaddock(client);
            newcomer = Workload.connect("127.0.0.1:" + port, e -> states.add(e.getState()));
            newcomer.create("/app/newcomer", null, OPEN, CreateMode.EPHEMERAL);
            keeper.create("/app/keeper-on-paddock", null, OPEN, CreateMode.EPHEMERAL_SEQUENTIAL);
            paddockView = ZnodeDump.of(client);
            client.close();
        }
        // What Paddock would number the next sequential node: ask a restarted Paddock on a copy.
        Path copy = tmp.resolve("copy");
        MigrationFixture.copyTree(zkData, copy);
        try (PaddockServer again = MigrationFixture.startPaddock(copy, null, 0)) {
            ZooKeeper c = Workload.connect("127.0.0.1:" + again.address().getPort(), null);
            paddockNext = c.create("/app/seq/item-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL);
            c.close();
        }

        Path exported = tmp.resolve("exported");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new MigrateTool(new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err).run(new String[] {"export", zkData.toString(), exported.toString(),
                    "--compression", compression.name().toLowerCase(java.util.Locale.ROOT)});
        assertEquals(MigrateTool.OK, status, out.toString(StandardCharsets.UTF_8));
        assertEquals(0, new MigrateTool(System.out, System.err).run(new String[] {"verify",
            "paddock:" + zkData, "zookeeper:" + exported, "--quiet"}), "verify agrees");

        try (RealZooKeeper zk = RealZooKeeper.start(exported, exported, port, 40,
                ZkCompression.NONE)) {
            long exportedDigest = io.paddock.server.migrate.ZkDigest.of(DataDirLoader.load(
                    exported, null, DataDirLoader.Format.ZOOKEEPER, Progress.NONE).tree());
            assertEquals(exportedDigest, zk.treeDigest(), "ZooKeeper's digest of what it loaded");
            await().atMost(Duration.ofSeconds(30)).until(() -> keeper.getState().isConnected()
                    && newcomer.getState().isConnected());
            assertFalse(states.contains(Watcher.Event.KeeperState.Expired), "sessions resumed");
            assertNotNull(newcomer.exists("/app/newcomer", false));
            ZooKeeper client = Workload.connect(zk.connectString(), null);
            client.addAuthInfo("digest", Workload.bytes("alice:secret"));
            assertNull(ZnodeDump.firstDifference(paddockView, ZnodeDump.of(client)));
            assertEquals(paddockNext, client.create("/app/seq/item-", null, OPEN,
                    CreateMode.PERSISTENT_SEQUENTIAL));
            client.close();
            keeper.close();
            newcomer.close();
        }
    }

    @Test
    void aPaddockDataDirectoryOfItsOwnExportsToo() throws Exception {
        Path data = tmp.resolve("paddock");
        Map<String, String> paddockView;
        try (PaddockServer paddock = MigrationFixture.startPaddock(data, null, 0)) {
            String connect = "127.0.0.1:" + paddock.address().getPort();
            ZooKeeper client = Workload.connect(connect, null);
            ZooKeeper keeper = Workload.connect(connect, null);
            Workload.run(connect, client, keeper, 20);
            paddockView = ZnodeDump.of(client);
            client.close();
        }
        Path exported = tmp.resolve("exported");
        assertEquals(0, new MigrateTool(System.out, System.err).run(new String[] {
            "export", data.toString(), exported.toString(), "--quiet"}));
        try (RealZooKeeper zk = RealZooKeeper.start(exported, exported, 0, 100_000,
                ZkCompression.NONE)) {
            ZooKeeper client = Workload.connect(zk.connectString(), null);
            client.addAuthInfo("digest", Workload.bytes("alice:secret"));
            assertNull(ZnodeDump.firstDifference(paddockView, ZnodeDump.of(client)));
            client.close();
        }
    }

    /** Changes of every kind made on Paddock after the import. */
    private static void changeOnPaddock(ZooKeeper c) throws Exception {
        c.create("/after", Workload.bytes("p"), OPEN, CreateMode.PERSISTENT);
        for (int i = 0; i < 5; i++) {
            c.create("/app/seq/item-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL);
        }
        c.setData("/app", Workload.bytes("on paddock"), -1);
        c.delete("/app/n2", -1);
        c.create("/ttl2", null, OPEN, CreateMode.PERSISTENT_WITH_TTL, new Stat(), 60_000);
        c.create("/box2", null, OPEN, CreateMode.CONTAINER);
        c.create("/box2/k", null, OPEN, CreateMode.PERSISTENT);
        c.multi(List.of(Op.create("/m1", null, OPEN, CreateMode.PERSISTENT),
                Op.setData("/after", Workload.bytes("q"), 0)));
        assertTrue(c.exists("/m1", false) != null);
    }
}
