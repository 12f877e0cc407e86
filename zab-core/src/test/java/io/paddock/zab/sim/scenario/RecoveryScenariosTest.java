package io.paddock.zab.sim.scenario;

import static io.paddock.zab.sim.scenario.Scenarios.allAgree;
import static io.paddock.zab.sim.scenario.Scenarios.deliveredEverywhere;
import static io.paddock.zab.sim.scenario.Scenarios.goneEverywhere;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.Proposal;
import io.paddock.zab.sim.SimCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ZooKeeper's published recovery bugs in which a txn only some peers logged survives where it
 * must not, or a committed one is lost (../shared/zab-facts.md section 3.2), replayed step by step
 * on the real core. The simulator's checkers (PrefixConsistency, Integrity, PrimaryIntegrity, ...)
 * run after every step; each test also asserts the property the bug broke.
 */
class RecoveryScenariosTest {

    @Test
    @DisplayName("ZOOKEEPER-1154: a txn only the old leader logged is truncated (TRUNC), never kept by a DIFF")
    void zk1154() {
        SimCluster c = SimCluster.of(3).startAll();
        long a = c.stabilize();
        long[] bc = c.others(a);
        c.write(a);
        c.write(a);
        c.stabilize();
        // A logs t (its disk syncs), then all three crash before B and C receive the PROPOSE.
        Proposal t = c.write(a);
        assertTrue(c.peer(a).disk().holds(t.zxid()));
        c.crash(a).crash(bc[0]).crash(bc[1]);
        // B and C elect a leader of a new epoch without A and commit x.
        c.restart(bc[0]).restart(bc[1]);
        long b = c.stabilizeAmong(bc);
        Proposal x = c.write(b);
        c.stabilizeAmong(bc);
        // A comes back with t in its log: it must be told to drop it, not be DIFFed past it.
        c.restart(a);
        c.stabilize();
        goneEverywhere(c, t);
        deliveredEverywhere(c, x);
        allAgree(c);
    }

    @Test
    @DisplayName("ZOOKEEPER-2845: an old leader's self-acked txn does not survive its restart")
    void zk2845() {
        SimCluster c = SimCluster.of(3).startAll();
        long a = c.stabilize();
        long[] bc = c.others(a);
        c.write(a);
        c.stabilize();
        // Both followers die and come back cut off from A, which still believes it leads.
        c.isolate(a);
        c.crash(bc[0]).crash(bc[1]).restart(bc[0]).restart(bc[1]);
        Proposal t = c.write(a);
        assertTrue(c.peer(a).disk().holds(t.zxid()), "A logged and acked t itself");
        long b = c.stabilizeAmong(bc);
        Proposal x = c.write(b);
        c.stabilizeAmong(bc);
        // A times out, rejoins, and is restarted: it replays its log, t included.
        c.heal();
        c.crash(a).restart(a);
        c.stabilize();
        goneEverywhere(c, t);
        deliveredEverywhere(c, x);
        allAgree(c);
    }

    @Test
    @DisplayName("ZOOKEEPER-2355: a follower that fails while reading a proposal still ends up with it")
    void zk2355() {
        SimCluster c = SimCluster.of(3).startAll();
        long a = c.stabilize();
        long[] bc = c.others(a);
        Proposal closeSession = c.write(a);
        c.drop(a, bc[1], io.paddock.zab.message.Propose.class);
        c.crash(bc[1]);
        c.deliverAll();
        assertTrue(c.peer(a).state().contains(closeSession), "A and B committed it");
        c.restart(bc[1]);
        c.stabilize();
        deliveredEverywhere(c, closeSession);
        allAgree(c);
    }

    @Test
    @DisplayName("ZOOKEEPER-4882: a transient disk error (fail-stop) leaves no hole in the log")
    void zk4882() {
        SimCluster c = SimCluster.of(3).startAll();
        long a = c.stabilize();
        long[] bc = c.others(a);
        c.write(a);
        c.stabilize();
        // B's fsyncs fail: the runtime never reports them and stops the peer (fail-stop).
        c.holdDisk(bc[0]);
        Proposal t1 = c.write(a);
        Proposal t2 = c.write(a);
        c.deliverAll();
        assertTrue(c.peer(a).state().contains(t2), "A and C committed both");
        c.crash(bc[0]).releaseDisk(bc[0]).restart(bc[0]);
        c.stabilize();
        deliveredEverywhere(c, t1, t2);
        allAgree(c);
        assertTrue(c.peer(bc[0]).disk().holds(t1.zxid()) && c.peer(bc[0]).disk().holds(t2.zxid()),
                "B's log has both, no hole");
    }
}
