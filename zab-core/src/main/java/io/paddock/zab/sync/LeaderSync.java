package io.paddock.zab.sync;

import io.paddock.zab.Phase;
import io.paddock.zab.Role;
import io.paddock.zab.broadcast.LeaderBroadcast;
import io.paddock.zab.message.AckEpoch;
import io.paddock.zab.message.AckLd;
import io.paddock.zab.message.CEpoch;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.peer.LearnerHandle;
import io.paddock.zab.peer.LearnerHandle.Stage;
import io.paddock.zab.peer.Learners;
import io.paddock.zab.peer.PeerContext;
import io.paddock.zab.peer.PeerState;

/**
 * LEADING in SYNCHRONIZATION: every learner that acknowledged the epoch gets its sync stream; the
 * leader's initial history (its whole history now) commits once a quorum holds it durably: the
 * learners that answered ACKLD, and the leader itself once its own log is durable that far (then
 * it also adopts the epoch as current). ACKs arriving before a learner's ACKLD change nothing and
 * never end the leadership (ZOOKEEPER-4685). Late learners go through discovery and sync here.
 * Reference: Zab paper, section 3.2, steps l.2.1 and l.2.2.
 *
 * <p>Not thread-safe: driven by the owning peer's single thread.
 */
public final class LeaderSync implements PeerState {
    private final PeerContext ctx;
    private final Learners learners;
    private final long epoch;
    private final long startedAt;
    private long historyEnd;
    private boolean selfDurable;

    public LeaderSync(PeerContext ctx, Learners learners, long epoch) {
        this.ctx = ctx;
        this.learners = learners;
        this.epoch = epoch;
        this.startedAt = ctx.now();
    }

    @Override
    public Role role() {
        return Role.LEADING;
    }

    @Override
    public Phase phase() {
        return Phase.SYNCHRONIZATION;
    }

    @Override
    public long leader() {
        return ctx.myId();
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public PeerState enter() {
        historyEnd = ctx.history().last();
        for (LearnerHandle handle : learners.matching(h -> h.stage() == Stage.EPOCH_ACKED)) {
            SyncStream.send(ctx, handle, epoch);
        }
        return checkOwnLog();
    }

    @Override
    public PeerState step(PeerMessage message) {
        learners.observe(message);
        if (message instanceof CEpoch hello) {
            LearnerHandle handle = learners.connect(hello);
            LearnerHandle target = handle != null ? handle : learners.get(hello.from());
            if (handle != null || target.stage() == Stage.EPOCH_SENT) {
                ctx.send(new NewEpoch(ctx.myId(), target.id(), epoch));
                target.offered(epoch);
            }
        } else if (message instanceof AckEpoch ack) {
            LearnerHandle handle = learners.get(ack.from());
            if (handle != null && handle.stage() == Stage.EPOCH_SENT && ack.epoch() == epoch) {
                if (ack.currentEpoch() >= epoch) {
                    return ctx.looking("late learner " + ack.from() + " already adopted epoch "
                            + ack.currentEpoch() + " from another leader");
                }
                handle.epochAcked(ack.epoch(), ack.currentEpoch(), ack.lastZxid());
                SyncStream.send(ctx, handle, epoch);
            }
        } else if (message instanceof AckLd ackLd) {
            LearnerHandle handle = learners.get(ackLd.from());
            if (handle != null && handle.stage() == Stage.SYNCING && ackLd.epoch() == epoch) {
                handle.stage(Stage.SYNCED);
                return establishIfQuorum();
            }
        }
        return this;
    }

    @Override
    public PeerState persisted() {
        return checkOwnLog();
    }

    @Override
    public PeerState tick() {
        learners.pingIfDue();
        if (ctx.now() - startedAt > ctx.config().initLimitTicks()) {
            return ctx.looking("no quorum of ACKLD within initLimit");
        }
        return this;
    }

    @Override
    public PeerState peerDisconnected(long peerId) {
        learners.remove(peerId);
        return this;
    }

    @Override
    public java.util.List<io.paddock.zab.LearnerStatus> learners() {
        return learners.statuses();
    }

    @Override
    public String detail() {
        return "history to " + Long.toHexString(historyEnd) + (selfDurable ? " (durable here)" : "")
                + ", learners " + learners;
    }

    private PeerState checkOwnLog() {
        if (!selfDurable && ctx.history().durable() >= historyEnd) {
            selfDurable = true;
            ctx.adoptEpoch(epoch);
        }
        return establishIfQuorum();
    }

    private PeerState establishIfQuorum() {
        if (ctx.isQuorum(learners.voters(h -> h.stage() == Stage.SYNCED), selfDurable)) {
            return new LeaderBroadcast(ctx, learners, epoch, historyEnd);
        }
        return this;
    }
}
