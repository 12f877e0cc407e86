package io.paddock.zab.broadcast;

import io.paddock.zab.Invariants;
import io.paddock.zab.Mutation;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Role;
import io.paddock.zab.Zxids;
import io.paddock.zab.message.Ack;
import io.paddock.zab.message.AckEpoch;
import io.paddock.zab.message.AckLd;
import io.paddock.zab.message.CEpoch;
import io.paddock.zab.message.Commit;
import io.paddock.zab.message.CommitLd;
import io.paddock.zab.message.Inform;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Propose;
import io.paddock.zab.peer.History;
import io.paddock.zab.peer.LearnerHandle;
import io.paddock.zab.peer.LearnerHandle.Stage;
import io.paddock.zab.peer.Learners;
import io.paddock.zab.peer.PeerContext;
import io.paddock.zab.peer.PeerState;
import io.paddock.zab.sync.SyncStream;
import java.util.List;

/**
 * LEADING in BROADCAST: the established leader serves. Reference: Zab paper, section 3.3.
 *
 * <ul>
 *   <li>On entry the initial history is committed (a quorum holds it), delivered as it becomes
 *       durable here, and every synced learner gets COMMITLD with the latest committed zxid.</li>
 *   <li>{@link #propose} logs a txn and sends PROPOSE to every follower holding its sync stream;
 *       a quorum of ACKs (the leader's own comes from {@code persisted}) commits it through
 *       {@link CommitTracker}; followers get COMMIT, observers INFORM with the txn.</li>
 *   <li>Late learners go through discovery and synchronisation while proposals flow.</li>
 *   <li>The leader steps down when the synced voters it heard from within syncLimit ticks, with
 *       itself, are no quorum.</li>
 *   <li>Near the end of the zxid counter it rolls over to a new epoch ({@link EpochRollover}).</li>
 * </ul>
 *
 * <p>Not thread-safe: driven by the owning peer's single thread.
 */
public final class LeaderBroadcast implements PeerState {
    private final PeerContext ctx;
    private final Learners learners;
    private final History history;
    private final long firstEpoch;
    private final long historyEnd;
    private final CommitTracker tracker;
    private final EpochRollover rollover;

    public LeaderBroadcast(PeerContext ctx, Learners learners, long epoch, long historyEnd) {
        this.ctx = ctx;
        this.learners = learners;
        this.history = ctx.history();
        this.firstEpoch = epoch;
        this.historyEnd = historyEnd;
        this.tracker = new CommitTracker(ctx.mutated(Mutation.COMMIT_ON_MINORITY)
                ? new AnyVoterQuorum(ctx.config().quorum()) : ctx.config().quorum(), historyEnd);
        this.rollover = new EpochRollover(ctx, learners, epoch);
    }

    @Override
    public Role role() {
        return Role.LEADING;
    }

    @Override
    public Phase phase() {
        return Phase.BROADCAST;
    }

    @Override
    public long leader() {
        return ctx.myId();
    }

    /** The epoch the runtime takes zxids from. */
    @Override
    public long epoch() {
        return rollover.servingEpoch();
    }

    @Override
    public PeerState enter() {
        history.commitUpTo(historyEnd);
        history.deliver();
        for (LearnerHandle handle : learners.matching(h -> h.stage() == Stage.SYNCED)) {
            ctx.send(new CommitLd(ctx.myId(), handle.id(), tracker.committedUpTo()));
        }
        return persisted();
    }

    @Override
    public PeerState propose(Proposal proposal) {
        long zxid = proposal.zxid();
        long epoch = Zxids.epoch(zxid);
        if (zxid <= history.last() || epoch < firstEpoch || epoch > rollover.servingEpoch()
                || Zxids.counter(zxid) > ctx.config().maxCounter()) {
            throw new IllegalStateException("zxid " + Zxids.toHexString(zxid) + " may not follow "
                    + Zxids.toHexString(history.last()) + " in serving epoch "
                    + rollover.servingEpoch() + " with counters up to " + ctx.config().maxCounter());
        }
        long previous = history.last();
        history.append(proposal);
        tracker.propose(zxid);
        for (LearnerHandle handle : learners.all()) {
            if (handle.streaming() && !handle.observer()) {
                ctx.send(new Propose(ctx.myId(), handle.id(), proposal, previous));
            }
        }
        rollover.onProposed(zxid);
        return this;
    }

    @Override
    public PeerState persisted() {
        long durable = history.durable();
        if (durable >= historyEnd) {
            ctx.adoptEpoch(Math.max(ctx.currentEpoch(), Math.max(firstEpoch, Zxids.epoch(durable))));
        }
        if (durable > historyEnd) {
            committed(tracker.committedUpTo(), tracker.ack(ctx.myId(), durable));
        }
        history.deliver();
        return this;
    }

    @Override
    public PeerState step(PeerMessage message) {
        learners.observe(message);
        LearnerHandle handle = learners.get(message.from());
        if (message instanceof CEpoch hello) {
            onCEpoch(hello);
        } else if (handle == null) {
            return this;
        } else if (message instanceof Ack ack) {
            handle.acked(ack.zxid());
            if (handle.streaming() && !handle.observer() && ack.zxid() <= history.last()) {
                committed(tracker.committedUpTo(), tracker.ack(ack.from(), ack.zxid()));
            }
        } else if (message instanceof AckEpoch ack) {
            return onAckEpoch(handle, ack);
        } else if (message instanceof AckLd ackLd) {
            onAckLd(handle, ackLd);
        }
        return this;
    }

    @Override
    public PeerState tick() {
        learners.pingIfDue();
        if (rollover.tick()) {
            return ctx.looking("no quorum promised the rolled-over epoch within initLimit");
        }
        int limit = ctx.config().syncLimitTicks();
        List<Long> alive = learners.voters(
                h -> h.stage() == Stage.SYNCED && ctx.now() - h.lastHeard() <= limit);
        if (!ctx.isQuorum(alive, true)) {
            return ctx.looking("heard from no quorum of synced followers within syncLimit");
        }
        learners.dropSilent();
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
        return "serving epoch " + rollover.servingEpoch() + rollover.detail() + ", "
                + tracker.uncommittedCount() + " in flight, learners " + learners;
    }

    private void onCEpoch(CEpoch hello) {
        LearnerHandle handle = learners.connect(hello);
        if (handle == null) {
            handle = learners.get(hello.from());
            if (handle.stage() != Stage.EPOCH_SENT) {
                return;
            }
            if (hello.acceptedEpoch() >= handle.offeredEpoch()) {
                // Asked again instead of acknowledging: it promised the offered epoch (or a
                // later one) elsewhere or in an earlier life. Move everyone to a fresh epoch
                // rather than wait for an election.
                rollover.start(Math.max(hello.acceptedEpoch(), ctx.acceptedEpoch()) + 1);
            }
        }
        ctx.send(new NewEpoch(ctx.myId(), handle.id(), ctx.acceptedEpoch()));
        handle.offered(ctx.acceptedEpoch());
    }

    private PeerState onAckEpoch(LearnerHandle handle, AckEpoch ack) {
        if (handle.stage() == Stage.EPOCH_SENT && ack.epoch() >= rollover.servingEpoch()
                && ack.epoch() <= ctx.acceptedEpoch()) {
            if (ack.currentEpoch() > rollover.servingEpoch()) {
                return ctx.looking("learner " + handle.id() + " adopted epoch " + ack.currentEpoch()
                        + ", later than this leader's " + rollover.servingEpoch());
            }
            handle.epochAcked(ack.epoch(), ack.currentEpoch(), ack.lastZxid());
            SyncStream.send(ctx, handle, rollover.servingEpoch());
        } else if (handle.streaming()) {
            handle.epochAcked(ack.epoch(), ack.currentEpoch(), ack.lastZxid());
        }
        rollover.checkQuorum();
        return this;
    }

    private void onAckLd(LearnerHandle handle, AckLd ackLd) {
        if (handle.stage() == Stage.SYNCED) {
            // A repeated ACKLD: the learner's COMMITLD was lost.
            ctx.send(new CommitLd(ctx.myId(), handle.id(), tracker.committedUpTo()));
            return;
        }
        if (handle.stage() != Stage.SYNCING || ackLd.epoch() < firstEpoch
                || ackLd.epoch() > rollover.servingEpoch()) {
            return;
        }
        handle.stage(Stage.SYNCED);
        if (!handle.observer()) {
            committed(tracker.committedUpTo(), tracker.ack(handle.id(), handle.newLeaderZxid()));
        }
        ctx.send(new CommitLd(ctx.myId(), handle.id(), tracker.committedUpTo()));
    }

    /** Announces commits from {@code before} (exclusive) to {@code after}, then delivers them. */
    private void committed(long before, long after) {
        if (after <= before) {
            return;
        }
        history.commitUpTo(after);
        boolean observers = false;
        for (LearnerHandle handle : learners.all()) {
            if (handle.streaming() && !handle.observer()) {
                ctx.send(new Commit(ctx.myId(), handle.id(), after));
            }
            observers |= handle.streaming() && handle.observer();
        }
        if (observers) {
            inform(learners.matching(h -> h.streaming() && h.observer()), before, after);
        }
        history.deliver();
    }

    private void inform(List<LearnerHandle> observers, long before, long after) {
        long previous = before;
        while (previous < after) {
            List<Proposal> chunk = history.readAfter(previous, 256);
            Invariants.check(chunk != null && !chunk.isEmpty(), "committed txns are readable");
            for (Proposal proposal : chunk) {
                if (proposal.zxid() > after) {
                    return;
                }
                for (LearnerHandle handle : observers) {
                    ctx.send(new Inform(ctx.myId(), handle.id(), proposal, previous));
                }
                previous = proposal.zxid();
            }
        }
    }
}
