package io.paddock.server.ensemble.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.server.testing.ProcessEnsemble;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** Three participants and one observer as child JVMs, driven by the official client. */
class ObserverProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long OBSERVER = 4;

    @Test
    void anObserverServesReadsForwardsWritesAndItsDeathLeavesTheQuorumWriting() throws Exception {
        try (ProcessEnsemble ensemble = ProcessEnsemble.start("observer", 3, 1, 250)) {
            long leader = ensemble.awaitLeader();
            assertEquals("observer", ensemble.mode(OBSERVER));
            String participants = LongStream.rangeClosed(1, 3).mapToObj(ensemble::connectString)
                    .collect(Collectors.joining(","));
            try (ZooKeeper viaObserver = ZkClients.connect(ensemble.connectString(OBSERVER));
                    ZooKeeper viaQuorum = ZkClients.connect(participants)) {
                viaQuorum.create("/from-quorum", bytes("q"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                ZkClients.sync(viaObserver, "/from-quorum");
                assertArrayEquals(bytes("q"), viaObserver.getData("/from-quorum", false, null));

                viaObserver.create("/from-observer", bytes("o"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                assertArrayEquals(bytes("o"), viaObserver.getData("/from-observer", false, null));
                for (long id = 1; id <= 3; id++) {
                    try (ZooKeeper reader = ZkClients.connect(ensemble.connectString(id))) {
                        ZkClients.sync(reader, "/from-observer");
                        assertArrayEquals(bytes("o"), reader.getData("/from-observer", false, null),
                                "server " + id);
                    }
                }

                WriteLoad load = WriteLoad.start(viaQuorum, "/load", 2);
                load.awaitMoreAcks(50, WAIT);
                ensemble.kill(OBSERVER);
                load.awaitMoreAcks(100, WAIT);
                load.close();
                assertEquals(leader, ensemble.awaitLeader(), "an observer's death is no election");
                for (long id = 1; id <= 3; id++) {
                    try (ZooKeeper reader = ZkClients.connect(ensemble.connectString(id))) {
                        load.verify(reader, "server " + id);
                    }
                }
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
