package io.paddock.zab.sync;

import io.paddock.zab.Mutation;
import io.paddock.zab.Phase;
import io.paddock.zab.Role;
import io.paddock.zab.Zxids;
import io.paddock.zab.broadcast.LearnerBroadcast;
import io.paddock.zab.message.AckEpoch;
import io.paddock.zab.message.AckLd;
import io.paddock.zab.message.Commit;
import io.paddock.zab.message.CommitLd;
import io.paddock.zab.message.Diff;
import io.paddock.zab.message.Inform;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.NewLeader;
import io.paddock.zab.message.Notification;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Ping;
import io.paddock.zab.message.Propose;
import io.paddock.zab.message.Snap;
import io.paddock.zab.message.Trunc;
import io.paddock.zab.peer.History;
import io.paddock.zab.peer.LearnerSession;
import io.paddock.zab.peer.PeerContext;
import io.paddock.zab.peer.PeerState;

/**
 * FOLLOWING or OBSERVING in SYNCHRONIZATION: takes the leader's sync stream in any interleaving
 * (marker, PROPOSE, COMMIT, NEWLEADER, more PROPOSE and COMMIT, COMMITLD; ZOOKEEPER-4394). The
 * txns are logged in order, each right after its predecessor. Only once everything up to
 * NEWLEADER's zxid is reported durable does the learner adopt the epoch as current and answer
 * ACKLD, both in one Ready so the epoch is written first (ZOOKEEPER-3911, 4646, 4643, 4785).
 * COMMITLD then delivers up to the leader's latest committed zxid (Zab.tla issue 3) and starts
 * BROADCAST. Anything inconsistent sends the learner back to LOOKING rather than leave a hole.
 *
 * <p>Not thread-safe: driven by the owning peer's single thread.
 */
public final class LearnerSync implements PeerState {
    private final PeerContext ctx;
    private final LearnerSession session;
    private final long epoch;
    private PeerMessage marker;
    private long newLeaderZxid = -1;
    private long newLeaderEpoch = -1;
    private final long startedAt;

    public LearnerSync(PeerContext ctx, LearnerSession session, long epoch) {
        this.ctx = ctx;
        this.session = session;
        this.epoch = epoch;
        this.startedAt = ctx.now();
    }

    @Override
    public Role role() {
        return ctx.isObserver() ? Role.OBSERVING : Role.FOLLOWING;
    }

    @Override
    public Phase phase() {
        return Phase.SYNCHRONIZATION;
    }

    @Override
    public long leader() {
        return session.leader();
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public PeerState step(PeerMessage message) {
        if (message.from() != session.leader()) {
            return this;
        }
        if (!(message instanceof Notification)) {
            session.heard();
        }
        String broken = handle(message);
        if (broken != null) {
            return ctx.looking(broken);
        }
        if (message instanceof CommitLd commitLd && session.newLeaderAcked()) {
            return commitLd(commitLd.committedZxid());
        }
        return message instanceof NewLeader ? ackNewLeaderIfDurable() : this;
    }

    /** Takes one message of the stream; returns why the stream is inconsistent, or null. */
    private String handle(PeerMessage message) {
        if (message instanceof Diff || message instanceof Trunc || message instanceof Snap) {
            return onMarker(message);
        }
        if (message instanceof Propose || message instanceof Commit || message instanceof Inform) {
            if (marker == null) {
                return message.getClass().getSimpleName() + " before the sync marker";
            }
            if (message instanceof Propose p) {
                return session.accept(p.proposal(), p.previousZxid());
            }
            if (message instanceof Inform i) {
                return session.inform(i.proposal(), i.previousZxid());
            }
            return session.commit(((Commit) message).zxid());
        }
        if (message instanceof NewLeader newLeader) {
            return newLeader(newLeader);
        }
        if (message instanceof NewEpoch newEpoch) {
            session.rollover(newEpoch);
        } else if (message instanceof Ping) {
            session.replyPing();
        } else if (message instanceof Notification n && n.state() == Role.LOOKING) {
            return "the leader went back to LOOKING";
        }
        return null;
    }

    /** The stream's first message; a copy of it is a duplicate, another marker is inconsistent. */
    private String onMarker(PeerMessage message) {
        if (marker != null) {
            return marker.equals(message) ? null : "a second sync marker " + message + " after "
                    + marker;
        }
        marker = message;
        if (message instanceof Trunc trunc) {
            return truncate(trunc.zxid());
        }
        if (message instanceof Snap snap) {
            return snapshot(snap.zxid());
        }
        return null;
    }

    @Override
    public PeerState persisted() {
        PeerState next = ackNewLeaderIfDurable();
        session.afterPersisted();
        return next;
    }

    @Override
    public PeerState snapshotInstalled() {
        return persisted();
    }

    @Override
    public PeerState tick() {
        // Synchronisation must end within initLimit, pings or not: a lost NEWLEADER or COMMITLD
        // must not leave the learner synchronising forever.
        if (ctx.now() - startedAt > ctx.config().initLimitTicks()) {
            return ctx.looking("synchronisation with leader " + session.leader()
                    + " did not finish within initLimit");
        }
        if ((ctx.now() - startedAt) % ctx.config().pingIntervalTicks() == 0) {
            // Answers may have been lost; a leader that already has them ignores the copies
            // (and answers a repeated ACKLD with COMMITLD once it serves).
            if (marker == null) {
                ctx.send(new AckEpoch(ctx.myId(), session.leader(), epoch, ctx.currentEpoch(),
                        ctx.history().last()));
            } else if (session.newLeaderAcked()) {
                ctx.send(new AckLd(ctx.myId(), session.leader(), newLeaderEpoch));
            }
        }
        return this;
    }

    @Override
    public PeerState peerDisconnected(long peerId) {
        return peerId == session.leader() ? ctx.looking("lost the connection to the leader") : this;
    }

    @Override
    public String detail() {
        return "marker " + marker + ", NEWLEADER at "
                + (newLeaderZxid < 0 ? "-" : Zxids.toHexString(newLeaderZxid))
                + (session.newLeaderAcked() ? " (acked)" : "");
    }

    private String truncate(long zxid) {
        History history = ctx.history();
        if (ctx.mutated(Mutation.IGNORE_TRUNC)) {
            return null;
        }
        if (zxid < history.committed() || zxid < history.delivered() || !history.contains(zxid)) {
            return "TRUNC to " + Zxids.toHexString(zxid) + " is not a txn of this history above "
                    + "its committed " + Zxids.toHexString(history.committed());
        }
        history.truncate(zxid);
        return null;
    }

    private String snapshot(long zxid) {
        History history = ctx.history();
        if (zxid < history.delivered()) {
            return "SNAP at " + Zxids.toHexString(zxid) + " would roll back delivered "
                    + Zxids.toHexString(history.delivered());
        }
        history.loadSnapshot(zxid);
        return null;
    }

    private String newLeader(NewLeader message) {
        if (message.zxid() == newLeaderZxid && message.epoch() == newLeaderEpoch) {
            return null;
        }
        if (message.epoch() > ctx.acceptedEpoch() || message.epoch() < ctx.currentEpoch()) {
            return "NEWLEADER for epoch " + message.epoch() + " outside [currentEpoch "
                    + ctx.currentEpoch() + ", acceptedEpoch " + ctx.acceptedEpoch() + "]";
        }
        if (marker == null || message.zxid() != ctx.history().last()) {
            return "NEWLEADER at " + Zxids.toHexString(message.zxid()) + " but the history ends at "
                    + Zxids.toHexString(ctx.history().last());
        }
        newLeaderZxid = message.zxid();
        newLeaderEpoch = message.epoch();
        return null;
    }

    private PeerState ackNewLeaderIfDurable() {
        History history = ctx.history();
        boolean durable = history.durable() >= newLeaderZxid && !history.snapshotPending();
        if (newLeaderZxid < 0 || session.newLeaderAcked()
                || !(durable || ctx.mutated(Mutation.ACK_NEWLEADER_BEFORE_PERSIST))) {
            return this;
        }
        ctx.adoptEpoch(newLeaderEpoch);
        ctx.send(new AckLd(ctx.myId(), session.leader(), newLeaderEpoch));
        session.newLeaderAcked(newLeaderZxid);
        history.deliver();
        return this;
    }

    private PeerState commitLd(long committedZxid) {
        String broken = session.commit(committedZxid);
        if (broken != null) {
            return ctx.looking("COMMITLD: " + broken);
        }
        return new LearnerBroadcast(ctx, session);
    }
}
