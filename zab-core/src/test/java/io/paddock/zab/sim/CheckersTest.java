package io.paddock.zab.sim;

import static io.paddock.zab.sim.SimDiskTest.txn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.EpochState;
import io.paddock.zab.message.Ack;
import io.paddock.zab.message.AckEpoch;
import io.paddock.zab.message.AckLd;
import io.paddock.zab.message.PeerMessage;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each checker fires on the history it exists to reject, and stays quiet on a good one. */
class CheckersTest {

    private final Checkers checkers = new Checkers();
    private final SimHost host = new SimHost() {
        @Override
        public long now() {
            return 0;
        }

        @Override
        public void send(SimPeer from, PeerMessage message, List<Proposal> snapshot) {
        }

        @Override
        public void fsyncQueued(SimPeer peer) {
        }

        @Override
        public Checkers checkers() {
            return checkers;
        }

        @Override
        public Trace traceLog() {
            return new Trace(4);
        }
    };
    private final SimOptions options = SimOptions.derive(1, 10, Set.of());
    private final SimPeer p1 = peer(1);
    private final SimPeer p2 = peer(2);
    private final SimPeer p3 = peer(3);

    private SimPeer peer(long id) {
        return new SimPeer(options.peerConfig(id), host, new SplittableRandom(id));
    }

    /** A leader proposes and logs, as the runtime does. */
    private void propose(SimPeer leader, Proposal... txns) {
        for (Proposal p : txns) {
            checkers.proposed(leader, p);
            if (p.zxid() > leader.disk().lastWritten()) {
                leader.persist(List.of(p));
            }
        }
    }

    private static void deliver(SimPeer peer, Proposal... txns) {
        for (Proposal p : txns) {
            if (!peer.disk().holds(p.zxid()) && p.zxid() > peer.disk().lastWritten()) {
                peer.persist(List.of(p));
            }
        }
        sync(peer);
        peer.apply(List.of(txns));
    }

    private static void sync(SimPeer peer) {
        peer.disk().queueFsync(0);
        while (peer.disk().hasPendingFsync()) {
            peer.disk().completeFsync();
        }
    }

    private static void violates(String check, Executable action) {
        assertEquals(check, assertThrows(SafetyViolation.class, action).check());
    }

    @Test
    void aGoodHistoryPasses() {
        propose(p1, txn(1, 1), txn(1, 2));
        deliver(p1, txn(1, 1), txn(1, 2));
        deliver(p2, txn(1, 1), txn(1, 2));
        propose(p2, txn(2, 1));
        deliver(p2, txn(2, 1));
        deliver(p1, txn(2, 1));
        checkers.afterStep(List.of(p1, p2, p3));
    }

    @Test
    void integrity() {
        violates("IntegrityCheck", () -> deliver(p1, txn(1, 1)));
        propose(p1, txn(1, 1));
        violates("IntegrityCheck", () -> deliver(p2, new Proposal(txn(1, 1).zxid(), 1, new byte[] {9})));
        violates("IntegrityCheck", () -> propose(p2, txn(1, 1)));
    }

    @Test
    void totalOrder() {
        propose(p1, txn(1, 1), txn(1, 3));
        deliver(p1, txn(1, 1), txn(1, 3));
        propose(p1, txn(1, 2));
        sync(p1);
        violates("TotalOrderCheck", () -> p1.apply(List.of(txn(1, 2))));
    }

    @Test
    void globalPrimaryOrder() {
        propose(p1, txn(1, 1));
        propose(p2, txn(2, 1));
        p1.persist(List.of(txn(2, 1)));
        sync(p1);
        p1.apply(List.of(txn(2, 1)));
        violates("GlobalPrimaryOrderCheck", () -> p1.apply(List.of(txn(1, 1))));
    }

    @Test
    void localPrimaryOrder() {
        propose(p1, txn(1, 1), txn(1, 2), txn(1, 3));
        deliver(p1, txn(1, 1));
        violates("LocalPrimaryOrderCheck", () -> deliver(p1, txn(1, 3)));
    }

    @Test
    void prefixConsistency() {
        for (long epoch = 1; epoch <= 3; epoch++) {
            p1.changeRole(new RoleChange(Role.LEADING, Phase.BROADCAST, epoch, 1));
            propose(p1, txn(epoch, 1));
        }
        deliver(p1, txn(1, 1), txn(2, 1));
        deliver(p2, txn(1, 1));
        violates("PrefixConsistencyCheck", () -> deliver(p2, txn(3, 1)));
    }

    @Test
    void leadership() {
        p1.changeRole(new RoleChange(Role.LEADING, Phase.BROADCAST, 2, 1));
        p1.changeRole(new RoleChange(Role.LEADING, Phase.BROADCAST, 2, 1));
        violates("LeadershipCheck", () -> p2.changeRole(new RoleChange(Role.LEADING, Phase.SYNCHRONIZATION, 2, 2)));
    }

    @Test
    void primaryIntegrityWhenTheLaterLeaderProposes() {
        propose(p1, txn(1, 1));
        deliver(p2, txn(1, 1));
        violates("PrimaryIntegrityCheck", () -> propose(p3, txn(2, 1)));
    }

    @Test
    void primaryIntegrityWhenAnEarlierTxnTurnsUpLater() {
        propose(p1, txn(1, 1));
        propose(p3, txn(2, 1));
        violates("PrimaryIntegrityCheck", () -> deliver(p2, txn(1, 1)));
    }

    @Test
    void aRolledOverLeaderMayStillCommitItsOwnEarlierEpoch() {
        p1.changeRole(new RoleChange(Role.LEADING, Phase.BROADCAST, 1, 1));
        p1.changeRole(new RoleChange(Role.LEADING, Phase.BROADCAST, 2, 1));
        propose(p1, txn(1, 1), txn(2, 1));
        deliver(p1, txn(1, 1), txn(2, 1));
    }

    @Test
    void deliveredIsLogged() {
        propose(p1, txn(1, 1), txn(1, 2));
        violates("DeliveredIsLoggedCheck", () -> p3.apply(List.of(txn(1, 1))));
        deliver(p2, txn(1, 1), txn(1, 2));
        violates("DeliveredIsLoggedCheck", () -> checkers.truncated(p2, txn(1, 1).zxid()));
    }

    @Test
    void ackAfterPersist() {
        p2.persist(List.of(txn(1, 1)));
        violates("AckAfterPersistCheck", () -> checkers.sent(p2, new Ack(2, 1, txn(1, 1).zxid())));
        p2.disk().queueFsync(0);
        p2.fsyncCompleted();
        checkers.sent(p2, new Ack(2, 1, txn(1, 1).zxid()));
        violates("AckAfterPersistCheck", () -> checkers.sent(p2, new AckEpoch(2, 1, 3, 0, 0)));
        violates("AckAfterPersistCheck", () -> checkers.sent(p2, new AckLd(2, 1, 3)));
        p2.disk().writeEpochs(new EpochState(3, 3));
        checkers.sent(p2, new AckLd(2, 1, 3));
    }
}
