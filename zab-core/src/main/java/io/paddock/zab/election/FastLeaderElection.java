package io.paddock.zab.election;

import io.paddock.zab.Mutation;
import io.paddock.zab.Phase;
import io.paddock.zab.Role;
import io.paddock.zab.discovery.LeaderDiscovery;
import io.paddock.zab.discovery.LearnerDiscovery;
import io.paddock.zab.message.CEpoch;
import io.paddock.zab.message.Notification;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Vote;
import io.paddock.zab.peer.PeerContext;
import io.paddock.zab.peer.PeerState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * LOOKING: fast leader election (ZooKeeper's {@code FastLeaderElection.lookForLeader}).
 *
 * <ul>
 *   <li>A voter starts a new round voting for itself with {@code (currentEpoch, last zxid, id)};
 *       an observer votes for nobody and adopts the best voter's vote it hears.</li>
 *   <li>A notification from a higher round moves this peer to that round; one from a lower round
 *       is answered with this peer's vote; a better vote in this round is adopted and
 *       re-broadcast.</li>
 *   <li>Once the voters agreeing on this peer's vote form a quorum, it waits
 *       {@code finalizeWaitTicks} for a better vote, then decides (at once if every voter it can
 *       reach agrees: a single voter decides in its first call, and the survivors of a leader's
 *       crash do not wait for a vote the dead leader will never send).</li>
 *   <li>Notifications from FOLLOWING or LEADING peers establish a leader without a new election:
 *       a quorum of voters naming the same leader, the leader among them saying LEADING.</li>
 *   <li>Without progress for {@code electionTimeoutTicks} plus a seeded jitter, it re-sends.</li>
 * </ul>
 * Observers' votes never count, and a vote for an observer is never adopted. A CEPOCH from a
 * learner that decided first is kept for this peer's discovery, should it lead.
 *
 * <p>Not thread-safe: driven by the owning peer's single thread.
 */
public final class FastLeaderElection implements PeerState {
    private final PeerContext ctx;
    private final Comparator<Vote> order;
    private final Map<Long, Vote> received = new TreeMap<>();
    private final Map<Long, Notification> outOfElection = new TreeMap<>();
    private Vote vote;
    private long round;
    private long finalizeAt = -1;
    private long lastProgress;
    private int jitter;

    public FastLeaderElection(PeerContext ctx) {
        this.ctx = ctx;
        this.order = ctx.mutated(Mutation.IGNORE_EPOCH_IN_VOTES)
                ? VoteOrder.IGNORING_EPOCH : VoteOrder.CORRECT;
    }

    @Override
    public Role role() {
        return Role.LOOKING;
    }

    @Override
    public Phase phase() {
        return Phase.ELECTION;
    }

    @Override
    public long leader() {
        return 0;
    }

    @Override
    public long epoch() {
        return ctx.currentEpoch();
    }

    @Override
    public PeerState enter() {
        // An observer's round only follows the voters' (it never starts one): a round of its own
        // above theirs would make it ignore their votes, and its answers to their older round
        // would bounce between it and them forever.
        round = ctx.isObserver() ? ctx.round() : ctx.round() + 1;
        ctx.takeEarlyHellos(); // those of an earlier election are stale
        ctx.round(round);
        adopt(initialVote());
        broadcast();
        resetTimer();
        return evaluate();
    }

    @Override
    public PeerState step(PeerMessage message) {
        if (message instanceof CEpoch hello) {
            ctx.holdEarlyHello(hello);
            return this;
        }
        if (!(message instanceof Notification n)) {
            return this;
        }
        if (!ctx.isVoter(n.from())) {
            // Voters answer a LOOKING observer so it learns their votes; answering anything else
            // would bounce between the two for ever.
            if (!ctx.isObserver() && n.state() == Role.LOOKING) {
                reply(n.from());
            }
            return this;
        }
        return n.state() == Role.LOOKING ? fromLooking(n) : fromEstablished(n);
    }

    @Override
    public PeerState tick() {
        if (finalizeAt >= 0 && ctx.now() >= finalizeAt) {
            finalizeAt = -1;
            if (agreeingQuorum()) {
                return decide(vote);
            }
        }
        if (ctx.now() - lastProgress >= ctx.config().electionTimeoutTicks() + jitter) {
            broadcast();
            resetTimer();
        }
        return this;
    }

    @Override
    public String detail() {
        return "round " + round + ", vote " + vote + ", " + received.size() + " votes heard";
    }

    private PeerState fromLooking(Notification n) {
        if (n.round() > round) {
            round = n.round();
            ctx.round(round);
            received.clear();
            ctx.takeEarlyHellos(); // sent by learners of the round given up
            Vote best = initialVote();
            if (valid(n.vote()) && better(n.vote(), best)) {
                best = n.vote();
            }
            adopt(best);
            broadcast();
            resetTimer();
        } else if (n.round() < round) {
            if (!ctx.isObserver()) {
                reply(n.from());
            }
            return this;
        } else if (valid(n.vote()) && better(n.vote(), vote)) {
            adopt(n.vote());
            broadcast();
            resetTimer();
        }
        received.put(n.from(), n.vote());
        return evaluate();
    }

    /**
     * A LOOKING peer joins an established leader when a quorum of voters follows or leads it and
     * the leader itself says LEADING (ZooKeeper's outofelection set and checkLeader). Discovery then
     * decides whether that leader takes this peer; election only names it.
     */
    private PeerState fromEstablished(Notification n) {
        outOfElection.put(n.from(), n);
        long candidate = n.vote().leader();
        if (candidate == ctx.myId() || !ctx.isVoter(candidate)) {
            return this;
        }
        Notification fromCandidate = outOfElection.get(candidate);
        if (fromCandidate == null || fromCandidate.state() != Role.LEADING
                || fromCandidate.vote().leader() != candidate) {
            return this;
        }
        List<Long> agreeing = new ArrayList<>();
        for (Notification seen : outOfElection.values()) {
            if (seen.vote().leader() == candidate) {
                agreeing.add(seen.from());
            }
        }
        if (!ctx.isQuorum(agreeing, false)) {
            return this;
        }
        round = Math.max(round, n.round());
        ctx.round(round);
        return decide(n.vote());
    }

    private PeerState evaluate() {
        if (!agreeingQuorum()) {
            finalizeAt = -1;
            return this;
        }
        if (everyVoterAgrees() || ctx.config().finalizeWaitTicks() == 0) {
            return decide(vote);
        }
        if (finalizeAt < 0) {
            finalizeAt = ctx.now() + ctx.config().finalizeWaitTicks();
        }
        return this;
    }

    private PeerState decide(Vote chosen) {
        ctx.vote(chosen);
        if (chosen.leader() == ctx.myId()) {
            return new LeaderDiscovery(ctx);
        }
        return new LearnerDiscovery(ctx, chosen.leader());
    }

    private boolean agreeingQuorum() {
        return valid(vote) && ctx.isQuorum(agreeing(), false);
    }

    /**
     * Whether no better vote can come: every voter agrees but those whose connection was lost
     * (ZooKeeper waits finalizeWait regardless; a crashed leader's vote never comes). Deciding
     * early is safe: discovery goes back to LOOKING if a quorum member's history is fresher.
     */
    private boolean everyVoterAgrees() {
        List<Long> agreeing = agreeing();
        for (long voter : ctx.config().quorum().votingMembers()) {
            if (!agreeing.contains(voter) && !ctx.unreachable(voter)) {
                return false;
            }
        }
        return true;
    }

    private List<Long> agreeing() {
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<Long, Vote> entry : received.entrySet()) {
            if (entry.getValue().equals(vote)) {
                ids.add(entry.getKey());
            }
        }
        return ids;
    }

    private Vote initialVote() {
        if (ctx.isObserver()) {
            return new Vote(0, -1, -1);
        }
        return new Vote(ctx.myId(), ctx.history().last(), ctx.currentEpoch());
    }

    /** Takes {@code next} as this peer's vote; any pending decision was for the old one. */
    private void adopt(Vote next) {
        vote = next;
        ctx.vote(next);
        finalizeAt = -1;
        if (!ctx.isObserver()) {
            received.put(ctx.myId(), next);
        }
    }

    private boolean valid(Vote candidate) {
        return ctx.isVoter(candidate.leader());
    }

    private boolean better(Vote a, Vote b) {
        return order.compare(a, b) > 0;
    }

    private void broadcast() {
        for (long voter : ctx.otherVoters()) {
            reply(voter);
        }
    }

    private void reply(long to) {
        ctx.send(new Notification(ctx.myId(), to, vote, round, Role.LOOKING));
    }

    private void resetTimer() {
        lastProgress = ctx.now();
        jitter = ctx.random().nextInt(ctx.config().electionTimeoutTicks() + 1);
    }
}
