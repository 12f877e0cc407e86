package io.paddock.zab.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.zab.Zxids;
import io.paddock.zab.quorum.MajorityQuorum;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommitTrackerTest {

    private static final long Z1 = Zxids.make(1, 1);
    private static final long Z2 = Zxids.make(1, 2);
    private static final long Z3 = Zxids.make(1, 3);

    private final CommitTracker ensemble = new CommitTracker(new MajorityQuorum(Set.of(1L, 2L, 3L)));

    @Test
    void standaloneCommitsWhatItHasPersisted() {
        CommitTracker standalone = new CommitTracker(new MajorityQuorum(Set.of(1L)));
        standalone.propose(Z1);
        standalone.propose(Z2);
        standalone.propose(Z3);

        assertEquals(0, standalone.committedUpTo());
        assertEquals(Z2, standalone.ack(1, Z2));
        assertEquals(1, standalone.uncommittedCount());
        assertEquals(Z3, standalone.ack(1, Z3));
        assertEquals(0, standalone.uncommittedCount());
    }

    @Test
    void oneAckOfThreeDoesNotCommit() {
        ensemble.propose(Z1);

        assertEquals(0, ensemble.ack(1, Z1));
    }

    @Test
    void aQuorumOfAcksCommits() {
        ensemble.propose(Z1);
        ensemble.ack(1, Z1);

        assertEquals(Z1, ensemble.ack(3, Z1));
        assertEquals(Z1, ensemble.committedUpTo());
    }

    @Test
    void anAckForALaterZxidAcksEveryEarlierProposal() {
        ensemble.propose(Z1);
        ensemble.propose(Z2);
        ensemble.propose(Z3);
        ensemble.ack(2, Z3);

        assertEquals(Z2, ensemble.ack(1, Z2));
    }

    @Test
    void commitsInOrderEvenWhenALaterProposalHasMoreAcks() {
        ensemble.propose(Z1);
        ensemble.propose(Z2);
        ensemble.ack(1, Z2);

        // Servers 1 and 2 both have Z1, only server 1 has Z2.
        assertEquals(Z1, ensemble.ack(2, Z1));
        assertEquals(Z2, ensemble.ack(3, Z2));
    }

    @Test
    void staleAndDuplicateAcksChangeNothing() {
        ensemble.propose(Z1);
        ensemble.propose(Z2);
        ensemble.ack(1, Z2);
        ensemble.ack(1, Z1);
        ensemble.ack(1, Z2);

        assertEquals(0, ensemble.committedUpTo());
        assertEquals(Z2, ensemble.ack(2, Z2));
    }

    @Test
    void observersAcksDoNotCount() {
        ensemble.propose(Z1);
        ensemble.ack(1, Z1);

        assertEquals(0, ensemble.ack(9, Z1));
        assertEquals(Z1, ensemble.ack(2, Z1));
    }

    @Test
    void anAckInAGapBetweenProposalsCoversOnlyTheProposalsBelowIt() {
        long first = Zxids.make(1, 10);
        long second = Zxids.make(1, 20);
        ensemble.propose(first);
        ensemble.propose(second);
        ensemble.ack(1, Zxids.make(1, 15));

        assertEquals(first, ensemble.ack(2, Zxids.make(1, 15)));
    }

    @Test
    void resumesAfterARecoveredCommitPoint() {
        CommitTracker resumed = new CommitTracker(new MajorityQuorum(Set.of(1L)), Z2);

        assertEquals(Z2, resumed.committedUpTo());
        assertThrows(IllegalArgumentException.class, () -> resumed.propose(Z2));
        resumed.propose(Z3);
        assertEquals(Z3, resumed.ack(1, Z3));
    }

    @Test
    void rejectsProposalsOutOfOrder() {
        ensemble.propose(Z2);

        assertThrows(IllegalArgumentException.class, () -> ensemble.propose(Z2));
        assertThrows(IllegalArgumentException.class, () -> ensemble.propose(Z1));
        assertThrows(IllegalArgumentException.class, () -> ensemble.propose(0));
        assertEquals(Z2, ensemble.lastProposed());
    }

    @Test
    void rejectsAnAckForSomethingNeverProposed() {
        ensemble.propose(Z1);

        assertThrows(IllegalArgumentException.class, () -> ensemble.ack(1, Z2));
    }

    @Test
    void newEpochProposalsFollowTheOldEpoch() {
        CommitTracker standalone = new CommitTracker(new MajorityQuorum(Set.of(1L)));
        long lastOfOne = Zxids.make(1, Zxids.MAX_PART);
        long firstOfTwo = Zxids.make(2, 1);
        standalone.propose(lastOfOne);
        standalone.propose(firstOfTwo);

        assertEquals(firstOfTwo, standalone.ack(1, firstOfTwo));
    }
}
