package io.paddock.zab.broadcast;

import io.paddock.zab.Invariants;
import io.paddock.zab.Zxids;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.peer.LearnerHandle;
import io.paddock.zab.peer.LearnerHandle.Stage;
import io.paddock.zab.peer.Learners;
import io.paddock.zab.peer.PeerContext;
import java.util.List;

/**
 * Moves a serving leader to a new epoch without an election and without dropping its followers,
 * before its zxid counter runs out (ZooKeeper instead forces a full re-election when the counter
 * reaches 0xffffffff).
 *
 * <p>When a proposal's counter reaches {@code maxCounter - margin}, the leader promises itself
 * {@code target = acceptedEpoch + 1} (durable before any message, by the Ready's order) and sends
 * NEWEPOCH(target) to every learner in session. A learner promises it exactly as in discovery (only
 * above its acceptedEpoch, durable in the Ready carrying its ACKEPOCH). Once the voters that
 * acknowledged target form a quorum with the leader, it serves target: the role change tells the
 * runtime to take zxids from it. Until then proposals in the old epoch, up to maxCounter, go on.
 * Every peer makes target its currentEpoch once the first txn of target is durable there (so
 * everything before it is too): a currentEpoch never claims a history the log does not hold.
 *
 * <p>Why two leaders can never both get epoch e+1 accepted by a quorum: a peer promises an epoch
 * only above its durable acceptedEpoch, so it promises e+1 at most once, to one leader, whether
 * the promise is asked by discovery or by a rollover (the same-leader duplicate excepted, which
 * is the same promise). Two quorums intersect, so at most one leader collects a quorum of promises
 * for e+1. A leader rolling over also keeps discovery's other guarantee: every voter counted is in
 * session with it, so its log is a prefix of the leader's history; a late learner whose
 * currentEpoch is later than the serving epoch makes the leader step down instead (it may be
 * stale), so no established epoch above the serving one can be overtaken.
 *
 * <p>Not thread-safe: owned by one {@link LeaderBroadcast}.
 */
final class EpochRollover {
    private final PeerContext ctx;
    private final Learners learners;
    private final long margin;
    private long servingEpoch;
    private long pendingEpoch = -1;
    private long startedAt;
    private long lastAsked;

    EpochRollover(PeerContext ctx, Learners learners, long servingEpoch) {
        this.ctx = ctx;
        this.learners = learners;
        this.servingEpoch = servingEpoch;
        long maxCounter = ctx.config().maxCounter();
        this.margin = Math.max(1, Math.min(maxCounter / 4, 1L << 20));
    }

    long servingEpoch() {
        return servingEpoch;
    }

    /** A proposal went out; near the counter's end, the rollover starts. */
    void onProposed(long zxid) {
        if (pendingEpoch < 0 && Zxids.epoch(zxid) == servingEpoch
                && Zxids.counter(zxid) >= ctx.config().maxCounter() - margin) {
            start(ctx.acceptedEpoch() + 1);
        }
    }

    /** Promises {@code target} and asks every learner in session for it. */
    void start(long target) {
        pendingEpoch = target;
        startedAt = ctx.now();
        ctx.acceptEpoch(target, ctx.myId());
        ask(learners.matching(h -> h.stage() != Stage.CONNECTED));
        checkQuorum();
    }

    /**
     * A NEWEPOCH or its ACKEPOCH may be lost, and the pings that keep everyone attached would
     * hide it: the leader asks again every ping interval those in session that have not promised
     * yet (a learner answers a repeat from the same leader with the same promise). If no quorum
     * has promised within initLimit, the rollover cannot finish here.
     *
     * @return whether the rollover gave up and the leader must go back to election
     */
    boolean tick() {
        if (pendingEpoch < 0) {
            return false;
        }
        if (ctx.now() - startedAt > ctx.config().initLimitTicks()) {
            return true;
        }
        if (ctx.now() - lastAsked >= ctx.config().pingIntervalTicks()) {
            long target = pendingEpoch;
            ask(learners.matching(h -> h.stage() != Stage.CONNECTED && h.ackedEpoch() < target));
        }
        return false;
    }

    private void ask(List<LearnerHandle> inSession) {
        lastAsked = ctx.now();
        for (LearnerHandle handle : inSession) {
            ctx.send(new NewEpoch(ctx.myId(), handle.id(), pendingEpoch));
        }
    }

    /** Serves the pending epoch once a quorum of voters in session promised it. */
    void checkQuorum() {
        if (pendingEpoch < 0) {
            return;
        }
        List<Long> promised = learners.voters(h -> h.streaming() && h.ackedEpoch() >= pendingEpoch);
        if (ctx.isQuorum(promised, true)) {
            Invariants.check(pendingEpoch <= ctx.acceptedEpoch(), "a leader serves an epoch it promised");
            servingEpoch = pendingEpoch;
            pendingEpoch = -1;
        }
    }

    String detail() {
        return pendingEpoch < 0 ? "" : " (rolling over to " + pendingEpoch + ")";
    }
}
