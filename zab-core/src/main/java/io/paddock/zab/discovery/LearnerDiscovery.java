package io.paddock.zab.discovery;

import io.paddock.zab.Phase;
import io.paddock.zab.Role;
import io.paddock.zab.message.AckEpoch;
import io.paddock.zab.message.CEpoch;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.Notification;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Ping;
import io.paddock.zab.peer.LearnerSession;
import io.paddock.zab.peer.PeerContext;
import io.paddock.zab.peer.PeerState;
import io.paddock.zab.sync.LearnerSync;

/**
 * FOLLOWING or OBSERVING in DISCOVERY: the learner sends CEPOCH to the leader election named and
 * waits for NEWEPOCH. It promises an epoch above its acceptedEpoch (durable in the same Ready as
 * the ACKEPOCH, which the runtime sends after writing it). It acknowledges its acceptedEpoch again
 * only as a duplicate from the leader it promised it to in this life, or when that epoch is
 * already its currentEpoch (it synced with that epoch's leader, perhaps before a restart: a leader
 * still in discovery for the same epoch sees a fresher history in that ACKEPOCH and steps down).
 * It refuses anything else and keeps asking with CEPOCH, until initLimit sends it back to LOOKING.
 * Reference: Zab paper, section 3.2, step f.1.1; ZooKeeper's {@code Learner.registerWithLeader}.
 *
 * <p>Not thread-safe: driven by the owning peer's single thread.
 */
public final class LearnerDiscovery implements PeerState {
    private final PeerContext ctx;
    private final LearnerSession session;
    private final long startedAt;
    private long refused = -1;

    public LearnerDiscovery(PeerContext ctx, long leader) {
        this.ctx = ctx;
        this.session = new LearnerSession(ctx, leader);
        this.startedAt = ctx.now();
    }

    @Override
    public Role role() {
        return ctx.isObserver() ? Role.OBSERVING : Role.FOLLOWING;
    }

    @Override
    public Phase phase() {
        return Phase.DISCOVERY;
    }

    @Override
    public long leader() {
        return session.leader();
    }

    @Override
    public long epoch() {
        return ctx.currentEpoch();
    }

    @Override
    public PeerState enter() {
        sendCEpoch();
        return this;
    }

    @Override
    public PeerState step(PeerMessage message) {
        if (message.from() != session.leader()) {
            return this;
        }
        if (message instanceof Notification n) {
            // The leader may still be finishing the round this peer decided in; only a new round
            // means it gave up leading.
            return n.state() == Role.LOOKING && n.round() > ctx.round()
                    ? ctx.looking("the leader started a new election") : this;
        }
        session.heard();
        if (message instanceof NewEpoch newEpoch) {
            return onNewEpoch(newEpoch.epoch());
        }
        if (message instanceof Ping) {
            session.replyPing();
        }
        return this;
    }

    @Override
    public PeerState tick() {
        if (ctx.now() - startedAt > ctx.config().initLimitTicks()) {
            return ctx.looking(refused < 0
                    ? "no NEWEPOCH from leader " + session.leader() + " within initLimit"
                    : "leader " + session.leader() + " offered only epoch " + refused
                            + ", not above acceptedEpoch " + ctx.acceptedEpoch());
        }
        if ((ctx.now() - startedAt) % ctx.config().pingIntervalTicks() == 0) {
            // The leader may not have been leading yet when CEPOCH arrived, or it was lost.
            sendCEpoch();
        }
        return this;
    }

    private void sendCEpoch() {
        ctx.send(new CEpoch(ctx.myId(), session.leader(), ctx.acceptedEpoch(),
                ctx.history().last(), ctx.isObserver()));
    }

    @Override
    public PeerState peerDisconnected(long peerId) {
        return peerId == session.leader() ? ctx.looking("lost the connection to the leader") : this;
    }

    private PeerState onNewEpoch(long epoch) {
        if (epoch > ctx.acceptedEpoch()) {
            ctx.acceptEpoch(epoch, session.leader());
        } else if (!ctx.promised(epoch, session.leader())
                && !(epoch == ctx.acceptedEpoch() && epoch == ctx.currentEpoch())) {
            // Refused: this peer cannot promise that epoch (again). It keeps re-sending CEPOCH,
            // which tells a serving leader to roll over to an epoch it can promise; going back
            // to LOOKING would only find the same leader again at once.
            refused = epoch;
            return this;
        }
        ctx.send(new AckEpoch(ctx.myId(), session.leader(), epoch, ctx.currentEpoch(),
                ctx.history().last()));
        return new LearnerSync(ctx, session, epoch);
    }
}
