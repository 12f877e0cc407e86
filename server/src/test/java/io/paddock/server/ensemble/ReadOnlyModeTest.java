package io.paddock.server.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.testing.FourLetterClient;
import io.paddock.server.testing.PaddockEnsemble;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** ZooKeeper's read-only mode on a server that lost its quorum, with the official client. */
class ReadOnlyModeTest {

    @Test
    void aServerWithoutQuorumServesReadsToReadOnlyClientsAndRefusesWrites() throws Exception {
        try (PaddockEnsemble ensemble = PaddockEnsemble.start(3, 0, 200, true)) {
            long leader = ensemble.awaitLeader();
            long lonely = ensemble.ids().stream().filter(id -> id != leader).findFirst().get();
            try (ZooKeeper writer = connect(ensemble.connectString(leader), false)) {
                writer.create("/ro", "seen".getBytes(StandardCharsets.UTF_8),
                        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            Timing.await().until(() -> ensemble.server(lonely).storage().tree().node("/ro") != null);
            for (long id : ensemble.ids()) {
                if (id != lonely) {
                    ensemble.stopServer(id);
                }
            }
            int port = ensemble.server(lonely).address().getPort();
            Timing.await().until(() -> "ro".equals(FourLetterClient.ask(port, "isro").trim()));
            assertTrue(FourLetterClient.ask(port, "srvr").contains("Mode: read-only"));

            try (ZooKeeper reader = connect(ensemble.connectString(lonely), true)) {
                assertArrayEquals("seen".getBytes(StandardCharsets.UTF_8),
                        reader.getData("/ro", false, null));
                assertThrows(KeeperException.NotReadOnlyException.class,
                        () -> reader.setData("/ro", new byte[0], -1));
            }
        }
    }

    private static ZooKeeper connect(String connectString, boolean canBeReadOnly)
            throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 6000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected
                    || e.getState() == Watcher.Event.KeeperState.ConnectedReadOnly) {
                connected.countDown();
            }
        }, canBeReadOnly);
        Timing.latch(connected);
        return zk;
    }
}
