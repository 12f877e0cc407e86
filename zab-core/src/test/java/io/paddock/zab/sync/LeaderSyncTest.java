package io.paddock.zab.sync;

import static io.paddock.zab.Zxids.make;
import static io.paddock.zab.sync.LearnerSyncTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.EpochState;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Ready;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.message.Ack;
import io.paddock.zab.message.AckEpoch;
import io.paddock.zab.message.AckLd;
import io.paddock.zab.message.CEpoch;
import io.paddock.zab.message.Commit;
import io.paddock.zab.message.CommitLd;
import io.paddock.zab.message.Diff;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.NewLeader;
import io.paddock.zab.message.Notification;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Propose;
import io.paddock.zab.message.Trunc;
import io.paddock.zab.message.Vote;
import io.paddock.zab.testing.MemoryLog;
import io.paddock.zab.testing.SinglePeer;
import io.paddock.zab.testing.TestPeer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A leader's discovery and synchronisation, driven message by message. */
class LeaderSyncTest {
    private static final long A = make(1, 1);
    private static final long B = make(1, 2);

    /** Leader 1 of three, holding A and B of epoch 1, elected and asked by follower 2. */
    private static SinglePeer leaderInDiscovery() {
        MemoryLog log = new MemoryLog();
        log.append(TestPeer.txn(A));
        log.append(TestPeer.txn(B));
        log.flush();
        SinglePeer leader = new SinglePeer(SinglePeer.config(1, 3, 0), new EpochState(1, 1), log, 0);
        leader.start();
        Vote forOne = new Vote(1, B, 1);
        leader.step(new Notification(2, 1, forOne, 1, Role.LOOKING));
        Ready elected = leader.step(new Notification(3, 1, forOne, 1, Role.LOOKING));
        assertEquals(new RoleChange(Role.LEADING, Phase.DISCOVERY, 1, 1), elected.roleChange());
        return leader;
    }

    private static SinglePeer leaderInSync(long followerLast) {
        SinglePeer leader = leaderInDiscovery();
        Ready chosen = leader.step(new CEpoch(2, 1, 1, followerLast, false));
        assertEquals(List.of(new NewEpoch(1, 2, 2)), chosen.messages());
        assertEquals(new EpochState(2, 1), chosen.epochs(), "acceptedEpoch durable before NEWEPOCH");
        return leader;
    }

    @Test
    void aDiffStreamThenAQuorumOfAckLdEstablishesTheLeader() {
        SinglePeer leader = leaderInSync(A);

        Ready sync = leader.step(new AckEpoch(2, 1, 2, 1, A));
        assertEquals(List.of(new Diff(1, 2, B), new Propose(1, 2, TestPeer.txn(B), A),
                new NewLeader(1, 2, 2, B)), sync.messages());
        assertEquals(new EpochState(2, 2), sync.epochs(), "its own log is durable: epoch adopted");
        assertEquals(Phase.SYNCHRONIZATION, leader.core().phase());

        Ready earlyAck = leader.step(new Ack(2, 1, B));
        assertEquals(Role.LEADING, leader.core().role(), "ZOOKEEPER-4685: an early ACK is harmless");
        assertTrue(earlyAck.isEmpty());

        Ready established = leader.step(new AckLd(2, 1, 2));
        assertEquals(new RoleChange(Role.LEADING, Phase.BROADCAST, 2, 1), established.roleChange());
        assertEquals(List.of(new CommitLd(1, 2, B)), only(established, CommitLd.class));
        assertEquals(List.of(A, B), leader.appliedZxids(), "the initial history is committed");
    }

    @Test
    void aFollowerWithTxnsTheLeaderLacksIsTruncatedToTheFloor() {
        SinglePeer leader = leaderInSync(make(1, 9));

        // Its currentEpoch is older, so its longer log is no fresher history: the extra txns
        // were never committed.
        Ready sync = leader.step(new AckEpoch(2, 1, 2, 0, make(1, 9)));

        assertEquals(new Trunc(1, 2, B), sync.messages().get(0));
        assertEquals(new NewLeader(1, 2, 2, B), sync.messages().get(1));
    }

    @Test
    void aFresherFollowerSendsTheProspectiveLeaderBackToLooking() {
        SinglePeer leader = leaderInDiscovery();
        leader.step(new CEpoch(2, 1, 1, make(1, 9), false));

        Ready back = leader.step(new AckEpoch(2, 1, 2, 1, make(1, 9)));

        assertEquals(Role.LOOKING, back.roleChange().role());
    }

    @Test
    void aLateLearnerGetsTheInFlightProposalsAndTheirCommits() {
        SinglePeer leader = leaderInSync(B);
        leader.step(new AckEpoch(2, 1, 2, 1, B));
        leader.step(new AckLd(2, 1, 2));
        Proposal inFlight = new Proposal(make(2, 1), 1, new byte[] {7});
        leader.propose(inFlight);
        leader.flush();

        Ready offered = leader.step(new CEpoch(3, 1, 1, A, false));
        assertEquals(List.of(new NewEpoch(1, 3, 2)), offered.messages());
        Ready stream = leader.step(new AckEpoch(3, 1, 2, 1, A));
        assertEquals(List.of(new Diff(1, 3, make(2, 1)), new Propose(1, 3, TestPeer.txn(B), A),
                new Commit(1, 3, B), new Propose(1, 3, inFlight, B), new NewLeader(1, 3, 2, make(2, 1))),
                stream.messages(), "Zab.tla issue 1: the in-flight proposal too, uncommitted");

        Ready committed = leader.step(new Ack(2, 1, make(2, 1)));
        assertEquals(List.of(new Commit(1, 2, make(2, 1)), new Commit(1, 3, make(2, 1))),
                only(committed, Commit.class), "a syncing learner gets the COMMIT too");
        Ready upToDate = leader.step(new AckLd(3, 1, 2));
        assertEquals(List.of(new CommitLd(1, 3, make(2, 1))), only(upToDate, CommitLd.class),
                "Zab.tla issue 3: COMMITLD carries the latest committed zxid");
    }

    @Test
    void withoutAQuorumOfAckLdTheLeaderGivesUpAfterInitLimit() {
        SinglePeer leader = leaderInSync(B);
        leader.step(new AckEpoch(2, 1, 2, 1, B));

        Ready ticks = leader.tick(101);

        assertEquals(Role.LOOKING, ticks.roleChange().role());
    }

    static List<PeerMessage> to(Ready ready, long id) {
        return ready.messages().stream().filter(m -> m.to() == id).toList();
    }
}
