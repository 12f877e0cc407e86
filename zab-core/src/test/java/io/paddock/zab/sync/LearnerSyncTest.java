package io.paddock.zab.sync;

import static io.paddock.zab.Zxids.make;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.EpochState;
import io.paddock.zab.Mutation;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Ready;
import io.paddock.zab.Role;
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
import io.paddock.zab.message.Snap;
import io.paddock.zab.message.Trunc;
import io.paddock.zab.message.Vote;
import io.paddock.zab.testing.MemoryLog;
import io.paddock.zab.testing.SinglePeer;
import io.paddock.zab.testing.TestPeer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A follower's synchronisation, driven message by message. */
class LearnerSyncTest {
    private static final long A = make(1, 1);
    private static final long B = make(1, 2);
    private static final long C = make(1, 3);

    /** Follower 2 of three, holding txn A of epoch 1, in sync with leader 1 for epoch 2. */
    private static SinglePeer syncingFollower(Mutation... mutations) {
        return syncingFollower(List.of(A), mutations);
    }

    private static SinglePeer syncingFollower(List<Long> logged, Mutation... mutations) {
        MemoryLog log = new MemoryLog();
        logged.forEach(z -> log.append(TestPeer.txn(z)));
        log.flush();
        long last = logged.get(logged.size() - 1);
        SinglePeer follower = new SinglePeer(SinglePeer.config(2, 3, 0, mutations),
                new EpochState(1, 1), log, 0);
        follower.start();
        Vote forOne = new Vote(1, last, 1);
        follower.step(new Notification(1, 2, forOne, 1, Role.LEADING));
        Ready joined = follower.step(new Notification(3, 2, forOne, 1, Role.FOLLOWING));
        assertEquals(List.of(new CEpoch(2, 1, 1, last, false)), only(joined, CEpoch.class));
        Ready promised = follower.step(new NewEpoch(1, 2, 2));
        assertEquals(new EpochState(2, 1), promised.epochs(), "acceptedEpoch written with the ACKEPOCH");
        assertEquals(List.of(new AckEpoch(2, 1, 2, 1, last)), only(promised, AckEpoch.class));
        return follower;
    }

    private static Proposal txn(long zxid) {
        return TestPeer.txn(zxid);
    }

    @Test
    void zookeeper4394InterleavingAcksNewLeaderOnlyOnceDurableAndDeliversInOrder() {
        SinglePeer f = syncingFollower();

        f.step(new Diff(1, 2, C));
        f.step(new Propose(1, 2, txn(B), A));
        Ready commitB = f.step(new Commit(1, 2, B));
        assertEquals(List.of(txn(A)), commitB.toCommit(), "A, logged before, is committed by COMMIT B;"
                + " B is committed but not durable here");
        f.step(new Propose(1, 2, txn(C), B));
        Ready newLeader = f.step(new NewLeader(1, 2, 2, C));
        assertEquals(List.of(), only(newLeader, AckLd.class), "ZOOKEEPER-3911: not before durable");
        assertNull(newLeader.epochs(), "ZOOKEEPER-4643: currentEpoch not before the txns");
        Ready commitC = f.step(new Commit(1, 2, C));
        assertEquals(List.of(), commitC.toCommit());

        Ready durable = f.flush();
        assertEquals(new EpochState(2, 2), durable.epochs());
        assertEquals(List.of(new AckLd(2, 1, 2)), only(durable, AckLd.class),
                "ACKLD in the same Ready as the currentEpoch it promises");
        assertEquals(List.of(txn(B), txn(C)), durable.toCommit(), "delivered in zxid order once durable");
        assertEquals(Phase.SYNCHRONIZATION, f.core().phase());

        Ready up = f.step(new CommitLd(1, 2, C));
        assertEquals(Phase.BROADCAST, up.roleChange().phase());
        assertEquals(List.of(A, B, C), f.appliedZxids());
    }

    @Test
    void commitLdDeliversUpToTheLeadersLatestCommit() {
        SinglePeer f = syncingFollower();
        f.step(new Diff(1, 2, B));
        f.step(new Propose(1, 2, txn(B), A));
        f.step(new NewLeader(1, 2, 2, B));
        f.flush();
        f.step(new Propose(1, 2, txn(make(2, 1)), B));
        f.flush();

        Ready up = f.step(new CommitLd(1, 2, make(2, 1)));

        assertEquals(List.of(A, B, make(2, 1)), up.toCommit().stream().map(Proposal::zxid).toList());
        assertEquals(Phase.BROADCAST, f.core().phase());
    }

    @Test
    void durableTxnsAfterNewLeaderAreAckedOnlyAfterAckLd() {
        SinglePeer f = syncingFollower();
        f.step(new Diff(1, 2, A));
        Ready ackLd = f.step(new NewLeader(1, 2, 2, A));
        assertEquals(1, only(ackLd, AckLd.class).size(), "already durable: ACKLD at once");

        f.step(new Propose(1, 2, txn(make(2, 1)), A));
        Ready acked = f.flush();

        assertEquals(List.of(new Ack(2, 1, make(2, 1))), only(acked, Ack.class));
    }

    @Test
    void aLostProposeIsAGapThatSendsTheLearnerLooking() {
        SinglePeer f = syncingFollower();
        f.step(new Diff(1, 2, C));

        Ready gap = f.step(new Propose(1, 2, txn(C), B));

        assertEquals(Role.LOOKING, gap.roleChange().role());
        assertEquals(List.of(), gap.toPersist(), "nothing logged after the gap");
    }

    @Test
    void aDuplicatedProposeIsIgnored() {
        SinglePeer f = syncingFollower();
        f.step(new Diff(1, 2, B));
        f.step(new Propose(1, 2, txn(B), A));

        Ready again = f.step(new Propose(1, 2, txn(B), A));

        assertTrue(again.isEmpty());
        assertEquals(Phase.SYNCHRONIZATION, f.core().phase());
    }

    @Test
    void truncRemovesTheTxnsTheLeaderNeverHadBeforeTheNextOnesAreLogged() {
        SinglePeer f = syncingFollower(List.of(A, B));

        Ready trunc = f.step(new Trunc(1, 2, A));

        assertEquals(A, trunc.truncateAfter());
        assertEquals(List.of(txn(A)), f.log().durableTxns());
        Ready next = f.step(new Propose(1, 2, txn(make(2, 1)), A));
        assertEquals(List.of(txn(make(2, 1))), next.toPersist());
    }

    @Test
    void aTruncBelowWhatTheLearnerKnowsCommittedIsRefused() {
        SinglePeer f = syncingFollower();
        f.step(new Diff(1, 2, B));
        f.step(new Propose(1, 2, txn(B), A));
        f.step(new Commit(1, 2, B));

        Ready refused = f.step(new Trunc(1, 2, A));

        assertEquals(Role.LOOKING, refused.roleChange().role());
    }

    @Test
    void aSnapDeliversNothingUntilInstalledThenTheTxnsAfterIt() {
        SinglePeer f = syncingFollower();
        long snap = make(1, 5);

        Ready load = f.step(new Snap(1, 2, snap));
        assertEquals(snap, load.snapshotToLoad());
        f.step(new Propose(1, 2, txn(make(1, 6)), snap));
        f.step(new Commit(1, 2, make(1, 6)));
        f.step(new NewLeader(1, 2, 2, make(1, 6)));
        Ready early = f.flush();
        assertEquals(List.of(), only(early, AckLd.class), "the snapshot is not installed yet");
        assertEquals(List.of(), early.toCommit());

        Ready installed = f.snapshotInstalled(snap);

        assertEquals(List.of(txn(make(1, 6))), installed.toCommit());
        assertEquals(1, only(installed, AckLd.class).size());
        assertEquals(make(1, 6), f.core().lastDelivered());
    }

    @Test
    void aNewLeaderThatDoesNotMatchTheStreamSendsTheLearnerLooking() {
        SinglePeer f = syncingFollower();
        f.step(new Diff(1, 2, C));
        f.step(new Propose(1, 2, txn(B), A));

        Ready lostTail = f.step(new NewLeader(1, 2, 2, C));

        assertEquals(Role.LOOKING, lostTail.roleChange().role());
    }

    @Test
    void theAckNewLeaderBeforePersistMutationAcksAtOnce() {
        SinglePeer f = syncingFollower(Mutation.ACK_NEWLEADER_BEFORE_PERSIST);
        f.step(new Diff(1, 2, B));
        f.step(new Propose(1, 2, txn(B), A));

        Ready early = f.step(new NewLeader(1, 2, 2, B));

        assertEquals(1, only(early, AckLd.class).size());
        assertEquals(new EpochState(2, 2), early.epochs());
    }

    @Test
    void aRepeatedAckLdIsSentUntilCommitLdArrives() {
        SinglePeer f = syncingFollower();
        f.step(new Diff(1, 2, A));
        f.step(new NewLeader(1, 2, 2, A));
        f.flush();

        Ready waiting = f.tick(10);

        assertTrue(only(waiting, AckLd.class).size() >= 1);
    }

    static <T extends PeerMessage> List<T> only(Ready ready, Class<T> type) {
        return ready.messages().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
