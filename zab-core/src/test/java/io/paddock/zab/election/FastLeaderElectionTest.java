package io.paddock.zab.election;

import static io.paddock.zab.Zxids.make;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.EpochState;
import io.paddock.zab.Mutation;
import io.paddock.zab.Phase;
import io.paddock.zab.Ready;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.message.CEpoch;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.Notification;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Vote;
import io.paddock.zab.testing.MemoryLog;
import io.paddock.zab.testing.SinglePeer;
import io.paddock.zab.testing.TestPeer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fast leader election, one notification at a time. */
class FastLeaderElectionTest {

    /** Voter {@code id} of three (or of {@code voters}), epochs (1,1), log ending at {@code last}. */
    private static SinglePeer voter(long id, int voters, int observers, long last, Mutation... mutations) {
        MemoryLog log = new MemoryLog();
        if (last > 0) {
            log.append(TestPeer.txn(last));
            log.flush();
        }
        return new SinglePeer(SinglePeer.config(id, voters, observers, mutations), new EpochState(1, 1),
                log, 0);
    }

    private static List<Notification> notifications(Ready ready) {
        return ready.messages().stream().filter(Notification.class::isInstance)
                .map(Notification.class::cast).toList();
    }

    @Test
    void aVoterStartsARoundVotingForItselfToEveryOtherVoter() {
        SinglePeer p = voter(2, 3, 1, make(1, 4));

        Ready start = p.start();

        Vote own = new Vote(2, make(1, 4), 1);
        assertEquals(List.of(new Notification(2, 1, own, 1, Role.LOOKING),
                new Notification(2, 3, own, 1, Role.LOOKING)), start.messages());
        assertEquals(new RoleChange(Role.LOOKING, Phase.ELECTION, 1, 0), start.roleChange());
    }

    @Test
    void aQuorumWaitsFinalizeWaitTicksThenDecides() {
        SinglePeer p = voter(3, 3, 0, make(1, 4));
        p.start();
        Vote forThree = new Vote(3, make(1, 4), 1);

        Ready quorum = p.step(new Notification(1, 3, forThree, 1, Role.LOOKING));
        assertNull(quorum.roleChange(), "two of three agree: wait for a better vote first");
        assertNull(p.tick().roleChange());

        Ready decided = p.tick();
        assertEquals(new RoleChange(Role.LEADING, Phase.DISCOVERY, 1, 3), decided.roleChange());
    }

    @Test
    void aBetterVoteDuringTheWaitIsAdoptedAndRebroadcast() {
        SinglePeer p = voter(2, 3, 0, make(1, 4));
        p.start();
        p.step(new Notification(1, 2, new Vote(2, make(1, 4), 1), 1, Role.LOOKING));

        Vote better = new Vote(3, make(1, 5), 1);
        Ready adopted = p.step(new Notification(3, 2, better, 1, Role.LOOKING));

        assertEquals(List.of(new Notification(2, 1, better, 1, Role.LOOKING),
                new Notification(2, 3, better, 1, Role.LOOKING)), adopted.messages());
        Ready decided = p.tick(3);
        assertEquals(new RoleChange(Role.FOLLOWING, Phase.DISCOVERY, 1, 3), decided.roleChange());
        assertTrue(decided.messages().contains(new CEpoch(2, 3, 1, make(1, 4), false)));
    }

    @Test
    void everyVoterAgreeingDecidesAtOnce() {
        SinglePeer p = voter(3, 3, 0, make(1, 4));
        p.start();
        Vote forThree = new Vote(3, make(1, 4), 1);
        p.step(new Notification(1, 3, forThree, 1, Role.LOOKING));

        Ready decided = p.step(new Notification(2, 3, forThree, 1, Role.LOOKING));

        assertEquals(Role.LEADING, decided.roleChange().role());
    }

    @Test
    void aQuorumDecidesAtOnceWhenTheOnlyVoterNotAgreeingIsUnreachable() {
        SinglePeer p = voter(3, 3, 0, make(1, 4));
        p.start();
        p.disconnected(2); // the old leader crashed: its vote will never come

        Ready decided = p.step(new Notification(1, 3, new Vote(3, make(1, 4), 1), 1, Role.LOOKING));

        assertEquals(new RoleChange(Role.LEADING, Phase.DISCOVERY, 1, 3), decided.roleChange());
    }

    @Test
    void aVoterHeardFromAgainIsWaitedForOnceMore() {
        SinglePeer p = voter(3, 3, 0, make(1, 4));
        p.start();
        p.disconnected(2);
        p.step(new Notification(2, 3, new Vote(2, make(1, 1), 1), 1, Role.LOOKING));

        Ready quorum = p.step(new Notification(1, 3, new Vote(3, make(1, 4), 1), 1, Role.LOOKING));

        assertNull(quorum.roleChange(), "2 is reachable again and has not agreed: wait");
        assertEquals(Role.LEADING, p.tick(2).roleChange().role());
    }

    @Test
    void aCEpochThatArrivesWhileLookingIsTakenByTheLeadersDiscovery() {
        SinglePeer p = voter(3, 3, 0, make(1, 4));
        p.start();
        p.disconnected(2);
        Ready early = p.step(new CEpoch(1, 3, 1, make(1, 4), false)); // 1 decided first
        assertEquals(List.of(), early.messages());

        Ready decided = p.step(new Notification(1, 3, new Vote(3, make(1, 4), 1), 1, Role.LOOKING));

        assertEquals(Role.LEADING, decided.roleChange().role());
        assertTrue(decided.messages().contains(new NewEpoch(3, 1, 2)),
                "NEWEPOCH goes to 1 at once, not after its next CEPOCH: " + decided.messages());
    }

    @Test
    void aCEpochFromAnEarlierElectionIsForgotten() {
        SinglePeer p = voter(3, 3, 0, make(1, 4));
        p.start();
        p.step(new CEpoch(1, 3, 1, make(1, 4), false));
        p.step(new Notification(1, 3, new Vote(1, make(1, 1), 1), 7, Role.LOOKING)); // new round
        p.tick(3); // decides nothing yet: 1's vote for itself is worse
        p.disconnected(2);

        Ready decided = p.step(new Notification(1, 3, new Vote(3, make(1, 4), 1), 7, Role.LOOKING));

        assertEquals(Role.LEADING, decided.roleChange().role());
        assertTrue(decided.messages().stream().noneMatch(NewEpoch.class::isInstance),
                "the CEPOCH of round 1 was for that election: " + decided.messages());
    }

    @Test
    void aHigherRoundIsJoinedAndALowerOneAnswered() {
        SinglePeer p = voter(2, 3, 0, make(1, 4));
        p.start();

        Ready joined = p.step(new Notification(1, 2, new Vote(1, make(1, 1), 1), 5, Role.LOOKING));
        assertEquals(5, notifications(joined).get(0).round());
        assertEquals(new Vote(2, make(1, 4), 1), notifications(joined).get(0).vote(),
                "its own vote is better than the one that brought the round");

        Ready answered = p.step(new Notification(3, 2, new Vote(3, make(1, 9), 1), 2, Role.LOOKING));
        assertEquals(List.of(new Notification(2, 3, new Vote(2, make(1, 4), 1), 5, Role.LOOKING)),
                answered.messages(), "a stale round gets this peer's vote, nothing else changes");
    }

    @Test
    void theEpochOutranksTheZxidUnlessTheMutationIgnoresIt() {
        SinglePeer correct = voter(1, 3, 0, make(1, 4));
        correct.start();
        Vote olderEpochLongerLog = new Vote(3, make(1, 9), 0);
        Ready kept = correct.step(new Notification(3, 1, olderEpochLongerLog, 1, Role.LOOKING));
        assertEquals(List.of(), kept.messages(), "its own vote (epoch 1) is better");

        SinglePeer broken = voter(1, 3, 0, make(1, 4), Mutation.IGNORE_EPOCH_IN_VOTES);
        broken.start();
        Ready adopted = broken.step(new Notification(3, 1, olderEpochLongerLog, 1, Role.LOOKING));
        assertEquals(olderEpochLongerLog, notifications(adopted).get(0).vote());
    }

    @Test
    void withoutProgressItResendsAfterTheTimeoutAndAJitter() {
        SinglePeer p = voter(2, 3, 0, make(1, 4));
        p.start();

        Ready quiet = p.tick(10 - 1);
        assertEquals(List.of(), quiet.messages(), "nothing before electionTimeoutTicks");
        Ready resent = p.tick(10 + 1);
        assertEquals(2, notifications(resent).size(), "one re-send within timeout plus jitter");
    }

    @Test
    void aQuorumOfFollowersAndTheirLeadingLeaderIsFollowedWithoutAnElection() {
        SinglePeer p = voter(2, 5, 0, make(1, 4));
        p.start();
        Vote forFive = new Vote(5, make(1, 8), 1);

        assertNull(p.step(new Notification(3, 2, forFive, 7, Role.FOLLOWING)).roleChange());
        assertNull(p.step(new Notification(4, 2, forFive, 7, Role.FOLLOWING)).roleChange(),
                "two followers, but not the leader itself");
        Ready joined = p.step(new Notification(5, 2, forFive, 7, Role.LEADING));

        assertEquals(new RoleChange(Role.FOLLOWING, Phase.DISCOVERY, 1, 5), joined.roleChange());
    }

    @Test
    void observersNeverCountAndAreAnsweredByVoters() {
        SinglePeer p = voter(1, 3, 1, make(1, 4));
        p.start();
        Vote observerVote = new Vote(4, make(9, 9), 9);

        Ready answered = p.step(new Notification(4, 1, observerVote, 1, Role.LOOKING));

        assertEquals(List.of(new Notification(1, 4, new Vote(1, make(1, 4), 1), 1, Role.LOOKING)),
                answered.messages(), "a vote for an observer is never adopted");
        assertNull(p.tick(30).roleChange(), "its notification is no vote");
    }

    @Test
    void anObserverAdoptsTheVotersChoiceAndObserves() {
        MemoryLog log = new MemoryLog();
        SinglePeer observer = new SinglePeer(SinglePeer.config(4, 3, 1), EpochState.INITIAL, log, 0);
        Ready start = observer.start();
        assertEquals(new Vote(0, -1, -1), notifications(start).get(0).vote(), "votes for nobody");
        Vote forTwo = new Vote(2, make(1, 1), 1);

        observer.step(new Notification(1, 4, forTwo, 1, Role.LOOKING));
        observer.step(new Notification(2, 4, forTwo, 1, Role.LOOKING));
        Ready decided = observer.step(new Notification(3, 4, forTwo, 1, Role.LOOKING));

        assertEquals(new RoleChange(Role.OBSERVING, Phase.DISCOVERY, 0, 2), decided.roleChange());
        assertTrue(decided.messages().contains(new CEpoch(4, 2, 0, 0, true)));
    }

    @Test
    void anEstablishedPeerAnswersALookingOneWithItsStateAndVote() {
        SinglePeer p = voter(3, 3, 0, make(1, 4));
        p.start();
        Vote forThree = new Vote(3, make(1, 4), 1);
        p.step(new Notification(1, 3, forThree, 1, Role.LOOKING));
        p.step(new Notification(2, 3, forThree, 1, Role.LOOKING));

        Ready answer = p.step(new Notification(1, 3, new Vote(1, 0, 0), 4, Role.LOOKING));

        List<PeerMessage> messages = answer.messages();
        assertEquals(new Notification(3, 1, forThree, 1, Role.LEADING), messages.get(0));
    }
}
