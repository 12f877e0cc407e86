package io.paddock.zab.peer;

import io.paddock.zab.Mutation;
import io.paddock.zab.Proposal;
import io.paddock.zab.Zxids;
import io.paddock.zab.message.Ack;
import io.paddock.zab.message.AckEpoch;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.Ping;

/**
 * A follower's or observer's connection to one leader, from its CEPOCH to leaving: what it has
 * heard and acknowledged, and the handling of the messages that mean the same in synchronisation
 * and broadcast (PROPOSE, COMMIT, INFORM, PING, and NEWEPOCH for an epoch rollover).
 *
 * <p>Methods that may find the leader's stream inconsistent return why, or null when all is well;
 * the caller then goes back to election rather than log a hole.
 *
 * <p>Not thread-safe: owned by one peer's learner states.
 */
public final class LearnerSession {
    private final PeerContext ctx;
    private final long leader;
    private long lastHeard;
    private boolean newLeaderAcked;
    private long lastAcked;

    public LearnerSession(PeerContext ctx, long leader) {
        this.ctx = ctx;
        this.leader = leader;
        this.lastHeard = ctx.now();
    }

    public long leader() {
        return leader;
    }

    public void heard() {
        lastHeard = ctx.now();
    }

    /** Whether the leader has been silent for more than {@code limitTicks}. */
    public boolean silentFor(int limitTicks) {
        return ctx.now() - lastHeard > limitTicks;
    }

    public boolean newLeaderAcked() {
        return newLeaderAcked;
    }

    /** ACKLD went out: the history up to {@code zxid} is durable here and adopted. */
    public void newLeaderAcked(long zxid) {
        newLeaderAcked = true;
        lastAcked = zxid;
    }

    public void replyPing() {
        ctx.send(new Ping(ctx.myId(), leader));
    }

    /**
     * Logs a proposal right after its predecessor; a duplicate of a txn already held is ignored
     * (Zab.tla issue 2). Reference: Zab paper, section 3.3 (a follower accepts proposals in order).
     */
    public String accept(Proposal proposal, long previousZxid) {
        long zxid = proposal.zxid();
        History history = ctx.history();
        if (Zxids.epoch(zxid) > ctx.acceptedEpoch()) {
            return "proposal " + Zxids.toHexString(zxid) + " in an epoch not promised (accepted "
                    + ctx.acceptedEpoch() + ")";
        }
        if (zxid <= history.last()) {
            if (zxid <= history.delivered() || history.contains(zxid)) {
                return null;
            }
            return "proposal " + Zxids.toHexString(zxid) + " conflicts with the history ending at "
                    + Zxids.toHexString(history.last());
        }
        boolean keptExtra = ctx.mutated(Mutation.IGNORE_TRUNC) && previousZxid < history.last();
        if (previousZxid != history.last() && !keptExtra) {
            return "gap: proposal " + Zxids.toHexString(zxid) + " follows "
                    + Zxids.toHexString(previousZxid) + " but the history ends at "
                    + Zxids.toHexString(history.last());
        }
        history.append(proposal);
        return null;
    }

    /** COMMIT: every txn up to {@code zxid} is committed; {@code zxid} must be one this peer holds. */
    public String commit(long zxid) {
        History history = ctx.history();
        if (zxid <= history.committed()) {
            return null;
        }
        if (!history.contains(zxid)) {
            return "commit of " + Zxids.toHexString(zxid) + ", a txn not in the history ending at "
                    + Zxids.toHexString(history.last());
        }
        history.commitUpTo(zxid);
        if (ctx.mutated(Mutation.DELIVER_OUT_OF_ORDER)) {
            history.deliverEarly(zxid);
        }
        history.deliver();
        return null;
    }

    /** INFORM: an observer logs a committed txn and may deliver it once durable. */
    public String inform(Proposal proposal, long previousZxid) {
        String broken = accept(proposal, previousZxid);
        return broken != null ? broken : commit(proposal.zxid());
    }

    /**
     * NEWEPOCH from the leader while connected: an epoch rollover (or a late duplicate). A higher
     * epoch is promised and acknowledged in the same Ready; a duplicate of the promise is acked
     * again; anything else is stale.
     */
    public void rollover(NewEpoch message) {
        long epoch = message.epoch();
        if (epoch > ctx.acceptedEpoch()) {
            ctx.acceptEpoch(epoch, leader);
        } else if (!ctx.promised(epoch, leader)) {
            return;
        }
        ctx.send(new AckEpoch(ctx.myId(), leader, epoch, ctx.currentEpoch(),
                ctx.history().last()));
    }

    /**
     * After ACKLD, durable txns are acknowledged, and a txn of a rolled-over epoch makes that epoch
     * current once durable (everything before it is durable too), in the same Ready as its ACK.
     */
    public void afterPersisted() {
        History history = ctx.history();
        if (newLeaderAcked) {
            long durable = history.durable();
            long epoch = Zxids.epoch(durable);
            if (epoch > ctx.currentEpoch() && epoch <= ctx.acceptedEpoch()) {
                ctx.adoptEpoch(epoch);
            }
            if (!ctx.isObserver() && durable > lastAcked) {
                ctx.send(new Ack(ctx.myId(), leader, durable));
                lastAcked = durable;
            }
        }
        history.deliver();
    }
}
