package io.paddock.server.migrate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.PaddockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real ZooKeeper 3.9.5 runs a mixed workload and stops with a session open; Paddock starts
 * on a copy of its data directory and must show every znode exactly as ZooKeeper did, resume
 * the open session, and hand out the sequence number ZooKeeper would have.
 */
class ZooKeeperToPaddockTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "compression={0}, snapCount={1}, separate log dir={2}")
    @CsvSource({"NONE, 40, false", "GZIP, 40, true", "SNAPPY, 40, false", "NONE, 100000, false"})
    void paddockStartsWhereZooKeeperStopped(ZkCompression compression, int snapCount,
            boolean separateLogDir) throws Exception {
        Path zkData = tmp.resolve("zk");
        Path zkLogs = separateLogDir ? tmp.resolve("zk-logs") : zkData;
        List<Watcher.Event.KeeperState> keeperStates = new CopyOnWriteArrayList<>();
        Map<String, String> before;
        ZooKeeper keeper;
        int port;
        try (RealZooKeeper zk = RealZooKeeper.start(zkData, zkLogs, 0, snapCount, compression)) {
            port = zk.port();
            ZooKeeper client = Workload.connect(zk.connectString(), null);
            keeper = Workload.connect(zk.connectString(), e -> keeperStates.add(e.getState()));
            Workload.run(zk.connectString(), client, keeper, 60);
            before = ZnodeDump.of(client);
            client.close();
        }
        if (compression != ZkCompression.NONE && snapCount < 1000) {
            assertTrue(Files.list(zkData.resolve("version-2")).anyMatch(p -> p.getFileName()
                    .toString().endsWith(compression.extension())), "compressed snapshots");
        }
        // Paddock runs on one copy; ZooKeeper will answer the same create on another.
        Path paddockData = tmp.resolve("p");
        Path paddockLogs = separateLogDir ? tmp.resolve("p-logs") : paddockData;
        Path zkAgainData = tmp.resolve("zk2");
        Path zkAgainLogs = separateLogDir ? tmp.resolve("zk2-logs") : zkAgainData;
        MigrationFixture.copyTree(zkData, paddockData);
        MigrationFixture.copyTree(zkData, zkAgainData);
        if (separateLogDir) {
            MigrationFixture.copyTree(zkLogs, paddockLogs);
            MigrationFixture.copyTree(zkLogs, zkAgainLogs);
        }
        Map<String, String> zkFiles = MigrationFixture.fingerprint(paddockData.resolve("version-2"));

        String paddockSequential;
        try (PaddockServer paddock = MigrationFixture.startPaddock(paddockData,
                separateLogDir ? paddockLogs : null, port)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> keeper.getState().isConnected());
            assertFalse(keeperStates.contains(Watcher.Event.KeeperState.Expired), "session resumed");
            assertNotNull(keeper.exists("/app/owned", false), "the open session's ephemeral");
            ZooKeeper reader = Workload.connect("127.0.0.1:" + port, null);
            reader.addAuthInfo("digest", Workload.bytes("alice:secret"));
            Map<String, String> after = ZnodeDump.of(reader);
            assertNull(ZnodeDump.firstDifference(before, after));
            paddockSequential = reader.create("/app/seq/item-", null,
                    ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
            reader.close();
            keeper.close();
        }
        assertTrue(Files.isDirectory(paddockData.resolve("paddock")), "Paddock data beside");
        assertEquals(zkFiles, MigrationFixture.fingerprint(paddockData.resolve("version-2")),
                "ZooKeeper's files are untouched");

        try (RealZooKeeper zk = RealZooKeeper.start(zkAgainData, zkAgainLogs, 0, snapCount,
                compression)) {
            ZooKeeper client = Workload.connect(zk.connectString(), null);
            String zkSequential = client.create("/app/seq/item-", null,
                    ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
            client.close();
            assertEquals(zkSequential, paddockSequential);
        }
    }
}
