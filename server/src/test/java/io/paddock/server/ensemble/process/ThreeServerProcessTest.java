package io.paddock.server.ensemble.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.server.testing.ProcessEnsemble;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Three Paddock servers as child JVMs, killed with kill -9 and restarted, driven by the official
 * ZooKeeper client. The ensemble is shared: every test starts with all three serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeServerProcessTest {
    private static final Duration FAILOVER = Duration.ofSeconds(30);

    private ProcessEnsemble ensemble;

    @BeforeAll
    void startEnsemble() {
        ensemble = ProcessEnsemble.start("three", 3, 0, 250);
    }

    @AfterAll
    void stopEnsemble() {
        if (ensemble != null) {
            ensemble.close();
        }
    }

    @BeforeEach
    void allServing() {
        ensemble.startAllAndAwait();
    }

    @Test
    void killingTheLeaderUnderWriteLoadLosesNoAcknowledgedWriteAndTheOldLeaderCatchesUp()
            throws Exception {
        try (ZooKeeper owner = ZkClients.connect(ensemble.connectString());
                ZooKeeper writer = ZkClients.connect(ensemble.connectString())) {
            owner.create("/failover-eph", bytes("mine"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.EPHEMERAL);
            long session = owner.getSessionId();
            WriteLoad load = WriteLoad.start(writer, "/failover", 3);
            load.awaitMoreAcks(100, FAILOVER);

            long leader = ensemble.awaitLeader();
            ensemble.kill(leader);
            long next = ensemble.awaitLeader();
            assertNotEquals(leader, next);
            load.awaitMoreAcks(100, FAILOVER); // writes resume under the new leader
            load.close();

            Timing.await(FAILOVER).ignoreExceptions()
                    .until(() -> owner.exists("/failover-eph", false) != null);
            assertEquals(session, owner.getSessionId());
            assertEquals(session, owner.exists("/failover-eph", false).getEphemeralOwner());

            ensemble.start(leader);
            ensemble.awaitServing(ensemble.ids());
            for (long id : ensemble.ids()) {
                try (ZooKeeper reader = ZkClients.connect(ensemble.connectString(id))) {
                    load.verify(reader, "server " + id);
                    Stat eph = reader.exists("/failover-eph", false);
                    assertNotNull(eph, "server " + id + " lost the ephemeral");
                    assertEquals(session, eph.getEphemeralOwner());
                }
            }
        }
    }

    @Test
    void aWipedServerCatchesUpFromTheOthers() throws Exception {
        long leader = ensemble.awaitLeader();
        long wiped = ensemble.ids().stream().filter(id -> id != leader).findFirst().orElseThrow();
        try (ZooKeeper writer = ZkClients.connect(ensemble.connectString(leader))) {
            WriteLoad load = WriteLoad.start(writer, "/wiped", 2);
            load.awaitMoreAcks(200, FAILOVER);
            ensemble.kill(wiped);
            ensemble.wipe(wiped);
            load.awaitMoreAcks(100, FAILOVER);
            ensemble.start(wiped);
            ensemble.awaitServing(ensemble.ids());
            load.awaitMoreAcks(50, FAILOVER);
            load.close();
            try (ZooKeeper reader = ZkClients.connect(ensemble.connectString(wiped))) {
                load.verify(reader, "the wiped server " + wiped);
            }
        }
    }

    @Test
    void aMinorityDownKeepsWritingAMajorityDownWritesNothingAndLosesNothing() throws Exception {
        long leader = ensemble.awaitLeader();
        long[] followers = ensemble.ids().stream().filter(id -> id != leader)
                .mapToLong(Long::longValue).toArray();
        try (ZooKeeper writer = ZkClients.connect(ensemble.connectString(leader))) {
            WriteLoad load = WriteLoad.start(writer, "/majority", 2);
            load.awaitMoreAcks(50, FAILOVER);
            ensemble.kill(followers[0]);
            load.awaitMoreAcks(100, FAILOVER);
            load.close();

            ensemble.kill(followers[1]);
            Timing.await(FAILOVER).until(() -> ensemble.mode(leader) == null);
            assertThrows(KeeperException.class, () -> writer.create("/majority-gone",
                    bytes("x"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));

            ensemble.start(followers[0]);
            ensemble.start(followers[1]);
            ensemble.awaitServing(ensemble.ids());
            for (long id : ensemble.ids()) {
                try (ZooKeeper reader = ZkClients.connect(ensemble.connectString(id))) {
                    load.verify(reader, "server " + id);
                }
            }
        }
    }

    @Test
    void aClientWhoseServerDiesMovesToAnotherAndKeepsItsSession() throws Exception {
        AtomicBoolean disconnected = new AtomicBoolean();
        CountDownLatch reconnected = new CountDownLatch(1);
        CountDownLatch connected = new CountDownLatch(1);
        try (ZooKeeper zk = new ZooKeeper(ensemble.connectString(), ZkClients.SESSION_TIMEOUT_MS,
                e -> {
                    if (e.getState() == Watcher.Event.KeeperState.Disconnected) {
                        disconnected.set(true);
                    } else if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                        connected.countDown();
                        if (disconnected.get()) {
                            reconnected.countDown();
                        }
                    }
                })) {
            Timing.latch(connected, Duration.ofSeconds(30));
            zk.create("/moved", bytes("m"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            long session = zk.getSessionId();
            long first = ensemble.idOfPort(ZkClients.connectedPort(zk));

            ensemble.kill(first);
            Timing.latch(reconnected, FAILOVER);
            Timing.await(FAILOVER).ignoreExceptions().until(() -> {
                zk.setData("/moved", bytes("after"), -1);
                return true;
            });
            long second = ensemble.idOfPort(ZkClients.connectedPort(zk));
            assertNotEquals(first, second);
            assertEquals(session, zk.getSessionId());
            Stat stat = new Stat();
            assertArrayEquals(bytes("after"), zk.getData("/moved", false, stat));
            assertEquals(session, stat.getEphemeralOwner());
        }
        try (ZooKeeper other = ZkClients.connect(ensemble.connectString())) {
            ZkClients.sync(other, "/");
            assertNull(other.exists("/moved", false), "closing the session removed its ephemeral");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
