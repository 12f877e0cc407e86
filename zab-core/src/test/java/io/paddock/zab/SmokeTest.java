package io.paddock.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.zab.testing.TestCluster;
import io.paddock.zab.testing.TestPeer;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void threeVotersElectAndCommit() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer leader = cluster.awaitStable(200);
        var zxids = cluster.write(5);
        for (TestPeer p : cluster.peers()) {
            System.out.println(p);
            assertEquals(zxids, p.appliedZxids());
        }
    }
}
