package io.paddock.server.ensemble.process;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.paddock.server.testing.ProcessEnsemble;
import java.time.Duration;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** Five servers as child JVMs: two of them, the leader among them, die at once. */
class FiveServerProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void killingTheLeaderAndAFollowerOfFiveLeavesAQuorumThatWritesAndLosesNothing()
            throws Exception {
        try (ProcessEnsemble ensemble = ProcessEnsemble.start("five", 5, 0, 250);
                ZooKeeper writer = ZkClients.connect(ensemble.connectString())) {
            WriteLoad load = WriteLoad.start(writer, "/five", 3);
            load.awaitMoreAcks(100, WAIT);
            long leader = ensemble.awaitLeader();
            long follower = ensemble.ids().stream().filter(id -> id != leader).findFirst()
                    .orElseThrow();
            ensemble.kill(follower);
            ensemble.kill(leader);
            assertNotEquals(leader, ensemble.awaitLeader());
            load.awaitMoreAcks(100, WAIT);
            load.close();
            for (long id : ensemble.runningIds()) {
                try (ZooKeeper reader = ZkClients.connect(ensemble.connectString(id))) {
                    load.verify(reader, "server " + id);
                }
            }
        }
    }
}
