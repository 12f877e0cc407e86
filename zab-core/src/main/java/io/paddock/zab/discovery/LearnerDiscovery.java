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
 * the ACKEPOCH, which the runtime sends after writing it); the same epoch only as a duplicate
 * from the leader it promised it to in this life; anything else sends it back to LOOKING.
 * Reference: Zab paper, section 3.2, step f.1.1; ZooKeeper's {@code Learner.registerWithLeader}.
 *
 * <p>Not thread-safe: driven by the owning peer's single thread.
 */
public final class LearnerDiscovery implements PeerState {
    private final PeerContext ctx;
    private final LearnerSession session;

    public LearnerDiscovery(PeerContext ctx, long leader) {
        this.ctx = ctx;
        this.session = new LearnerSession(ctx, leader);
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
        ctx.send(new CEpoch(ctx.myId(), session.leader(), ctx.acceptedEpoch(),
                ctx.history().last(), ctx.isObserver()));
        return this;
    }

    @Override
    public PeerState step(PeerMessage message) {
        if (message.from() != session.leader()) {
            return this;
        }
        session.heard();
        if (message instanceof NewEpoch newEpoch) {
            return onNewEpoch(newEpoch.epoch());
        }
        if (message instanceof Ping) {
            session.replyPing();
        } else if (message instanceof Notification n && n.state() == Role.LOOKING) {
            return ctx.looking("the leader went back to LOOKING");
        }
        return this;
    }

    @Override
    public PeerState tick() {
        if (session.silentFor(ctx.config().initLimitTicks())) {
            return ctx.looking("no word from leader " + session.leader() + " in discovery");
        }
        return this;
    }

    @Override
    public PeerState peerDisconnected(long peerId) {
        return peerId == session.leader() ? ctx.looking("lost the connection to the leader") : this;
    }

    private PeerState onNewEpoch(long epoch) {
        if (epoch > ctx.acceptedEpoch()) {
            ctx.acceptEpoch(epoch, session.leader());
        } else if (!ctx.promised(epoch, session.leader())) {
            return ctx.looking("NEWEPOCH " + epoch + " is not above acceptedEpoch "
                    + ctx.acceptedEpoch());
        }
        ctx.send(new AckEpoch(ctx.myId(), session.leader(), epoch, ctx.currentEpoch(),
                ctx.history().last()));
        return new LearnerSync(ctx, session, epoch);
    }
}
