package io.paddock.zab.scenario;

import static io.paddock.zab.Zxids.make;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.EpochState;
import io.paddock.zab.Mutation;
import io.paddock.zab.Ready;
import io.paddock.zab.Role;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.Notification;
import io.paddock.zab.message.Vote;
import io.paddock.zab.testing.MemoryLog;
import io.paddock.zab.testing.SinglePeer;
import io.paddock.zab.testing.TestCluster;
import io.paddock.zab.testing.TestPeer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Each deliberately broken variant switches on its broken behaviour when listed in
 * {@code PeerConfig.mutations()} (the simulator's teeth are tested against these).
 */
class MutationScenarioTest {

    private static TestCluster mutated(int voters, Mutation mutation) {
        return TestCluster.of(voters, 0, c -> TestCluster.withMutations(c, Set.of(mutation)));
    }

    @Test
    void commitOnMinorityCommitsWithTheLeadersAckAlone() {
        TestCluster cluster = mutated(3, Mutation.COMMIT_ON_MINORITY).startAll();
        TestPeer leader = cluster.awaitStable(200);
        cluster.peers().stream().filter(p -> p != leader).forEach(p -> p.autoFlush(false));

        long zxid = cluster.propose(leader, "x");
        cluster.settle();

        assertEquals(List.of(zxid), leader.appliedZxids());
    }

    @Test
    void ignoreTruncKeepsTheOldLeadersUncommittedTxnAndBreaksAgreement() {
        TestCluster cluster = mutated(3, Mutation.IGNORE_TRUNC).startAll();
        TestPeer old = cluster.awaitStable(200);
        cluster.write(2);
        cluster.propose(old, "never-committed");
        for (TestPeer p : cluster.peers()) {
            cluster.dropQueued(old.id(), p.id());
        }
        cluster.crash(old.id());
        cluster.awaitStable(300);
        cluster.write(1);

        assertThrows(AssertionFailedError.class, () -> {
            cluster.restart(old.id());
            cluster.awaitStable(300);
            cluster.write(1);
        });
    }

    @Test
    void deliverOutOfOrderDeliversACommittedTxnBeforeItIsDurable() {
        TestCluster cluster = mutated(3, Mutation.DELIVER_OUT_OF_ORDER).startAll();
        TestPeer leader = cluster.awaitStable(200);
        TestPeer slow = cluster.peers().stream().filter(p -> p != leader).findFirst().orElseThrow();
        slow.autoFlush(false);

        cluster.propose(leader, "x");
        AssertionFailedError caught = assertThrows(AssertionFailedError.class, cluster::settle);

        assertTrue(caught.getMessage().contains("not durable"), caught.getMessage());
        assertTrue(slow.log().hasUnflushed());
        assertEquals(1, slow.appliedZxids().size(), "applied although not durable");
    }

    @Test
    void forgetAcceptedEpochNeverWritesAPromiseAlone() {
        MemoryLog log = new MemoryLog();
        SinglePeer follower = new SinglePeer(SinglePeer.config(2, 3, 0, Mutation.FORGET_ACCEPTED_EPOCH),
                new EpochState(1, 1), log, 0);
        follower.start();
        Vote forOne = new Vote(1, 0, 1);
        follower.step(new Notification(1, 2, forOne, 1, Role.LEADING));
        follower.step(new Notification(3, 2, forOne, 1, Role.FOLLOWING));

        Ready promised = follower.step(new NewEpoch(1, 2, 5));

        assertEquals(new EpochState(1, 1), promised.epochs(), "the promise of epoch 5 is not durable");
        assertEquals(new EpochState(1, 1), follower.core().epochs());
    }

    @Test
    void ignoreEpochInVotesLetsALongerLogOfAnOlderEpochLead() {
        // Peer 1 adopted epoch 3 (its history is that epoch's); peer 2's extra txn of epoch 2 was
        // never committed.
        TestCluster correct = TestCluster.of(3);
        TestCluster cluster = mutated(3, Mutation.IGNORE_EPOCH_IN_VOTES);
        for (TestCluster c : List.of(correct, cluster)) {
            c.peer(1).preload(new EpochState(3, 3), make(1, 1), make(2, 1));
            c.peer(2).preload(new EpochState(3, 2), make(1, 1), make(2, 1), make(2, 2));
            c.peer(3).preload(new EpochState(3, 2), make(1, 1));
            c.startAll();
            c.run(30);
        }

        assertEquals(1, correct.stableLeader().id());
        assertTrue(cluster.peer(2).roleChanges().stream().anyMatch(c -> c.role() == Role.LEADING),
                "the longer zxid won the election (discovery then finds peer 1 fresher)");
    }
}
