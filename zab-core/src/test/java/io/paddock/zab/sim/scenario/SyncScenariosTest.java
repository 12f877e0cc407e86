package io.paddock.zab.sim.scenario;

import static io.paddock.zab.sim.scenario.Scenarios.allAgree;
import static io.paddock.zab.sim.scenario.Scenarios.deliveredEverywhere;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.Proposal;
import io.paddock.zab.message.Ack;
import io.paddock.zab.message.AckLd;
import io.paddock.zab.message.CommitLd;
import io.paddock.zab.message.Diff;
import io.paddock.zab.message.NewLeader;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Snap;
import io.paddock.zab.sim.SimCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ZooKeeper's synchronisation-phase bugs (../shared/zab-facts.md section 3.2) replayed step by
 * step on the real core: a learner that lags, rejoins the serving leader and is brought up to date
 * by SNAP or DIFF while things go wrong around it.
 */
class SyncScenariosTest {

    /** A started 3-peer cluster whose third peer missed {@code txns} writes and is now restarting. */
    private static long[] lagging(SimCluster c, int txns, List<Proposal> written) {
        long a = c.stabilize();
        long[] others = c.others(a);
        long b = others[0];
        long lag = others[1];
        written.add(c.write(a));
        c.stabilize();
        c.crash(lag);
        for (int i = 0; i < txns; i++) {
            written.add(c.write(a));
        }
        c.stabilizeAmong(a, b);
        return new long[] {a, b, lag};
    }

    /** As {@link #lagging}, but the other two also move to a new epoch (a leader restart) meanwhile. */
    private static long[] laggingAcrossEpochs(SimCluster c, int txns, List<Proposal> written) {
        long a = c.stabilize();
        long[] others = c.others(a);
        long lag = others[1];
        written.add(c.write(a));
        c.stabilize();
        c.crash(lag);
        c.crash(a).restart(a);
        long leader = c.stabilizeAmong(a, others[0]);
        for (int i = 0; i < txns; i++) {
            written.add(c.write(leader));
        }
        c.stabilizeAmong(a, others[0]);
        return new long[] {leader, leader == a ? others[0] : a, lag};
    }

    private static boolean from(PeerMessage m, long peer, Class<? extends PeerMessage> kind) {
        return m.from() == peer && kind.isInstance(m);
    }

    @Test
    @DisplayName("ZOOKEEPER-3642: the leader dies after SNAP, before NEWLEADER; the learner restarts and loses nothing")
    void zk3642() {
        SimCluster c = SimCluster.of(3, 0, cfg -> Scenarios.maxDiff(cfg, 1)).startAll();
        List<Proposal> written = new ArrayList<>();
        long[] p = lagging(c, 4, written);
        long a = p[0];
        long lag = p[2];
        c.restart(lag);
        c.awaitQueued(m -> m instanceof Snap && m.to() == lag);
        c.deliver(a, lag, Snap.class);
        assertTrue(c.peer(lag).disk().snapshotZxid() > 0, "the learner installed the snapshot");
        c.crash(a);
        c.crash(lag).restart(lag);
        c.stabilizeAmong(p[1], lag);
        deliveredEverywhere(c, written.toArray(Proposal[]::new));
        c.restart(a);
        c.stabilize();
        allAgree(c);
    }

    @Test
    @DisplayName("ZOOKEEPER-3104: proposals made while a SNAP is in flight are neither lost nor doubled")
    void zk3104() {
        SimCluster c = SimCluster.of(3, 0, cfg -> Scenarios.maxDiff(cfg, 1)).startAll();
        List<Proposal> written = new ArrayList<>();
        long[] p = lagging(c, 4, written);
        long a = p[0];
        long b = p[1];
        long lag = p[2];
        c.restart(lag);
        c.awaitQueued(m -> m instanceof Snap && m.to() == lag);
        // The leader keeps serving while the snapshot streams: two more writes commit on A and B.
        written.add(c.write(a));
        written.add(c.write(a));
        c.deliverWhere(m -> m.to() != lag && m.from() != lag);
        assertTrue(c.peer(b).state().containsAll(written), "A and B committed everything");
        c.deliver(a, lag, Snap.class);
        long snapshot = c.peer(lag).disk().snapshotZxid();
        assertEquals(snapshot, c.peer(lag).lastDelivered(), "the snapshot holds exactly what its zxid says");
        c.awaitQueued(m -> from(m, lag, AckLd.class));
        c.crash(lag).restart(lag);
        c.stabilize();
        deliveredEverywhere(c, written.toArray(Proposal[]::new));
        allAgree(c);
    }

    @Test
    @DisplayName("ZOOKEEPER-3911/4646/4785: no ACKLD before the DIFF txns are durable; a crash then loses nothing committed")
    void zk3911() {
        SimCluster c = SimCluster.of(3).startAll();
        List<Proposal> written = new ArrayList<>();
        long[] p = laggingAcrossEpochs(c, 3, written);
        long a = p[0];
        long lag = p[2];
        int mark = c.delivered().size();
        c.holdDisk(lag).restart(lag);
        c.awaitQueued(m -> m instanceof NewLeader && m.to() == lag);
        c.deliverAll();
        List<PeerMessage> since = c.delivered().subList(mark, c.delivered().size());
        assertTrue(since.stream().anyMatch(m -> m instanceof Diff && m.to() == lag), "synced by DIFF");
        assertFalse(since.stream().anyMatch(m -> from(m, lag, AckLd.class)),
                "no ACKLD while the DIFF txns are not durable\n" + c.trace());
        assertTrue(c.queued(lag, a).stream().noneMatch(m -> m instanceof AckLd));
        c.persist(lag);
        c.awaitQueued(m -> from(m, lag, AckLd.class));
        // Everyone crashes right after; the ensemble must come back with every committed txn.
        c.releaseDisk(lag);
        for (long id : p) {
            c.crash(id);
        }
        for (long id : p) {
            c.restart(id);
        }
        c.stabilize();
        deliveredEverywhere(c, written.toArray(Proposal[]::new));
        allAgree(c);
    }

    @Test
    @DisplayName("ZOOKEEPER-4643: currentEpoch is not made durable before the txns; a crash in between cannot win and truncate")
    void zk4643() {
        SimCluster c = SimCluster.of(3).startAll();
        List<Proposal> written = new ArrayList<>();
        long[] p = laggingAcrossEpochs(c, 3, written);
        long a = p[0];
        long b = p[1];
        long lag = p[2];
        c.holdDisk(lag).restart(lag);
        long epoch = ((NewLeader) c.awaitQueued(m -> m instanceof NewLeader && m.to() == lag)).epoch();
        c.deliverAll();
        assertTrue(c.peer(lag).disk().epochs().currentEpoch() < epoch,
                "currentEpoch waits for the txns: " + c.peer(lag).disk().epochs());
        // The learner dies with its DIFF txns unsynced; the leader dies too; B and the learner elect.
        c.crash(lag).releaseDisk(lag).crash(a);
        c.restart(lag);
        c.stabilizeAmong(b, lag);
        deliveredEverywhere(c, written.toArray(Proposal[]::new));
        c.restart(a);
        c.stabilize();
        allAgree(c);
    }

    @Test
    @DisplayName("ZOOKEEPER-4685: a learner's ACK overtaking its ACKLD does not make the leader give up")
    void zk4685() {
        SimCluster c = SimCluster.of(3).startAll();
        List<Proposal> written = new ArrayList<>();
        long[] p = lagging(c, 2, written);
        long a = p[0];
        long lag = p[2];
        c.restart(lag);
        c.awaitQueued(m -> from(m, lag, AckLd.class));
        Proposal t = c.write(a);
        c.awaitQueued(m -> from(m, lag, Ack.class) && ((Ack) m).zxid() == t.zxid(), m -> from(m, lag, AckLd.class), 50);
        c.deliver(lag, a, Ack.class);
        c.deliver(lag, a, AckLd.class);
        assertTrue(c.peer(a).isServing(), "the leader still serves");
        written.add(t);
        written.add(c.write(a));
        c.stabilize();
        assertEquals(a, c.stableLeader(), "no needless election");
        deliveredEverywhere(c, written.toArray(Proposal[]::new));
        allAgree(c);
    }

    @Test
    @DisplayName("ZOOKEEPER-4394: DIFF, PROPOSE, COMMIT, PROPOSE, NEWLEADER, COMMIT, COMMITLD interleaved")
    void zk4394() {
        SimCluster c = SimCluster.of(3).startAll();
        List<Proposal> written = new ArrayList<>();
        long[] p = lagging(c, 2, written);
        long a = p[0];
        long b = p[1];
        long lag = p[2];
        // An outstanding proposal B has not acked yet when the learner syncs.
        c.cut(a, b);
        Proposal outstanding = c.write(a);
        c.restart(lag);
        c.awaitQueued(m -> m instanceof NewLeader && m.to() == lag);
        c.heal();
        c.deliverAll();
        Proposal later = c.write(a);
        c.stabilize();
        assertTrue(c.delivered().stream().anyMatch(m -> m instanceof CommitLd && m.to() == lag));
        deliveredEverywhere(c, outstanding, later);
        deliveredEverywhere(c, written.toArray(Proposal[]::new));
        allAgree(c);
    }
}
