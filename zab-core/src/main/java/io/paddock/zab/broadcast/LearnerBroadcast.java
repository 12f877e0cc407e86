package io.paddock.zab.broadcast;

import io.paddock.zab.Phase;
import io.paddock.zab.Role;
import io.paddock.zab.message.Commit;
import io.paddock.zab.message.Inform;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.Notification;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Ping;
import io.paddock.zab.message.Propose;
import io.paddock.zab.peer.LearnerSession;
import io.paddock.zab.peer.PeerContext;
import io.paddock.zab.peer.PeerState;

/**
 * FOLLOWING or OBSERVING in BROADCAST: a follower logs each PROPOSE right after its predecessor
 * and ACKs once the runtime reports it durable; COMMIT (or, for an observer, INFORM) marks txns
 * committed, and they are delivered in zxid order once both committed and durable. NEWEPOCH from
 * the leader is an epoch rollover: promised and acknowledged like in discovery, adopted as the
 * current epoch once its first txn is durable. Silence from the leader for syncLimit ticks, or a
 * gap in its stream, sends the learner back to LOOKING. Reference: Zab paper, section 3.3.
 *
 * <p>Not thread-safe: driven by the owning peer's single thread.
 */
public final class LearnerBroadcast implements PeerState {
    private final PeerContext ctx;
    private final LearnerSession session;

    public LearnerBroadcast(PeerContext ctx, LearnerSession session) {
        this.ctx = ctx;
        this.session = session;
    }

    @Override
    public Role role() {
        return ctx.isObserver() ? Role.OBSERVING : Role.FOLLOWING;
    }

    @Override
    public Phase phase() {
        return Phase.BROADCAST;
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
    public PeerState step(PeerMessage message) {
        if (message.from() != session.leader()) {
            return this;
        }
        if (!(message instanceof Notification)) {
            session.heard();
        }
        String broken = null;
        if (message instanceof Propose p) {
            broken = session.accept(p.proposal(), p.previousZxid());
        } else if (message instanceof Commit c) {
            broken = session.commit(c.zxid());
        } else if (message instanceof Inform i) {
            broken = session.inform(i.proposal(), i.previousZxid());
        } else if (message instanceof NewEpoch newEpoch) {
            session.rollover(newEpoch);
        } else if (message instanceof Ping) {
            session.replyPing();
        } else if (message instanceof Notification n && n.state() == Role.LOOKING) {
            broken = "the leader went back to LOOKING";
        }
        return broken == null ? this : ctx.looking(broken);
    }

    @Override
    public PeerState persisted() {
        session.afterPersisted();
        return this;
    }

    @Override
    public PeerState tick() {
        if (session.silentFor(ctx.config().syncLimitTicks())) {
            return ctx.looking("no word from leader " + session.leader() + " within syncLimit");
        }
        return this;
    }

    @Override
    public PeerState peerDisconnected(long peerId) {
        return peerId == session.leader() ? ctx.looking("lost the connection to the leader") : this;
    }
}
