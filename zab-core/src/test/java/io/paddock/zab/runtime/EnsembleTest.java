package io.paddock.zab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ZAB on the network: in-process peers on loopback, each with a file txn log and epoch store, its
 * own runtime threads and Netty transport. Crashes close the sockets and stop the threads without
 * a final flush.
 */
class EnsembleTest {

    @TempDir
    Path dir;

    @Test
    void threeVotersElectALeaderAndAllApplyTheSameThousandProposals() {
        try (TestEnsemble ensemble = new TestEnsemble(dir, 3, 0)) {
            ensemble.startAll();
            TestNode leader = ensemble.awaitLeader();

            List<Long> zxids = ensemble.commit(leader, 1000);

            assertEquals(1000, zxids.stream().distinct().count());
            ensemble.awaitAllAgree(leader);
            assertEquals(1000, leader.applied().size());
        }
    }
}
