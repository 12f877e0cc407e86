package io.paddock.zab.discovery;

import io.paddock.zab.Phase;
import io.paddock.zab.Role;
import io.paddock.zab.message.AckEpoch;
import io.paddock.zab.message.CEpoch;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.peer.LearnerHandle;
import io.paddock.zab.peer.LearnerHandle.Stage;
import io.paddock.zab.peer.Learners;
import io.paddock.zab.peer.PeerContext;
import io.paddock.zab.peer.PeerState;
import io.paddock.zab.sync.LeaderSync;

/**
 * LEADING in DISCOVERY: the prospective leader waits for CEPOCH from a quorum (itself included),
 * chooses {@code newEpoch = max(acceptedEpoch) + 1}, makes it its own acceptedEpoch (durable before
 * NEWEPOCH goes out, by the Ready's order) and collects ACKEPOCH from a quorum. An ACKEPOCH whose
 * history (currentEpoch, then last zxid) is fresher than the leader's means election chose wrong:
 * the leader goes back to LOOKING. Reference: Zab paper, section 3.2, steps l.1.1 and l.1.2;
 * ZooKeeper's {@code Leader.getEpochToPropose} and {@code waitForEpochAck}.
 *
 * <p>Not thread-safe: driven by the owning peer's single thread.
 */
public final class LeaderDiscovery implements PeerState {
    private final PeerContext ctx;
    private final Learners learners;
    private final long myCurrentEpoch;
    private final long myLastZxid;
    private final long startedAt;
    private long newEpoch = -1;

    public LeaderDiscovery(PeerContext ctx) {
        this.ctx = ctx;
        this.learners = new Learners(ctx);
        this.myCurrentEpoch = ctx.currentEpoch();
        this.myLastZxid = ctx.history().last();
        this.startedAt = ctx.now();
    }

    @Override
    public Role role() {
        return Role.LEADING;
    }

    @Override
    public Phase phase() {
        return Phase.DISCOVERY;
    }

    @Override
    public long leader() {
        return ctx.myId();
    }

    @Override
    public long epoch() {
        return myCurrentEpoch;
    }

    @Override
    public PeerState enter() {
        for (CEpoch hello : ctx.takeEarlyHellos()) {
            PeerState next = step(hello); // learners that decided before this peer did
            if (next != this) {
                return next;
            }
        }
        return chooseEpochIfQuorum();
    }

    @Override
    public PeerState step(PeerMessage message) {
        learners.observe(message);
        if (message instanceof CEpoch hello) {
            return onCEpoch(hello);
        }
        if (message instanceof AckEpoch ack) {
            return onAckEpoch(ack);
        }
        return this;
    }

    @Override
    public PeerState tick() {
        learners.pingIfDue();
        if (ctx.now() - startedAt > ctx.config().initLimitTicks()) {
            return ctx.looking("no quorum of CEPOCH and ACKEPOCH within initLimit");
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
        return "newEpoch " + newEpoch + ", learners " + learners;
    }

    private PeerState onCEpoch(CEpoch hello) {
        LearnerHandle handle = learners.connect(hello);
        if (handle == null) {
            LearnerHandle current = learners.get(hello.from());
            if (current.stage() == Stage.EPOCH_SENT) {
                sendNewEpoch(current);
            }
            return this;
        }
        if (newEpoch >= 0) {
            sendNewEpoch(handle);
            return this;
        }
        return chooseEpochIfQuorum();
    }

    private PeerState chooseEpochIfQuorum() {
        if (newEpoch >= 0 || !ctx.isQuorum(learners.voters(h -> true), true)) {
            return this;
        }
        long highest = ctx.acceptedEpoch();
        for (LearnerHandle handle : learners.all()) {
            highest = Math.max(highest, handle.hello().acceptedEpoch());
        }
        newEpoch = highest + 1;
        ctx.acceptEpoch(newEpoch, ctx.myId());
        for (LearnerHandle handle : learners.all()) {
            sendNewEpoch(handle);
        }
        return synchroniseIfQuorum();
    }

    private void sendNewEpoch(LearnerHandle handle) {
        ctx.send(new NewEpoch(ctx.myId(), handle.id(), newEpoch));
        handle.offered(newEpoch);
    }

    private PeerState onAckEpoch(AckEpoch ack) {
        LearnerHandle handle = learners.get(ack.from());
        if (handle == null || handle.stage() != Stage.EPOCH_SENT || ack.epoch() != newEpoch) {
            return this;
        }
        handle.epochAcked(ack.epoch(), ack.currentEpoch(), ack.lastZxid());
        handle.stage(Stage.EPOCH_ACKED);
        if (!handle.observer() && fresherThanMine(ack)) {
            return ctx.looking("learner " + ack.from() + " has a fresher history (epoch "
                    + ack.currentEpoch() + ", zxid " + Long.toHexString(ack.lastZxid()) + ")");
        }
        return synchroniseIfQuorum();
    }

    private boolean fresherThanMine(AckEpoch ack) {
        if (ack.currentEpoch() != myCurrentEpoch) {
            return ack.currentEpoch() > myCurrentEpoch;
        }
        return ack.lastZxid() > myLastZxid;
    }

    private PeerState synchroniseIfQuorum() {
        if (ctx.isQuorum(learners.voters(h -> h.stage() == Stage.EPOCH_ACKED), true)) {
            return new LeaderSync(ctx, learners, newEpoch);
        }
        return this;
    }
}
