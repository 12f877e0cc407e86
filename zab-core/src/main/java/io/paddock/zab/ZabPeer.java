package io.paddock.zab;

import io.paddock.zab.election.FastLeaderElection;
import io.paddock.zab.message.Notification;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.peer.History;
import io.paddock.zab.peer.PeerContext;
import io.paddock.zab.peer.PeerState;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One ZAB peer as a pure state machine (etcd raft's {@code RawNode} shape): the runtime feeds it
 * inputs, then takes a {@link Ready} with everything to do, does it, and calls {@link #advance()}.
 *
 * <p>Inputs: {@link #tick()}, {@link #step(PeerMessage)}, {@link #propose(Proposal)},
 * {@link #persisted(long)}, {@link #snapshotInstalled(long)}, {@link #peerDisconnected(long)}.
 * A restart is a new instance built from the durable state: the epochs, the log (through
 * {@link LogView}) and the zxid the state machine holds.
 *
 * <p>What the runtime must guarantee, besides performing each Ready in its documented order:
 * <ul>
 *   <li>{@link LogView} shows a txn by the time a {@link #persisted(long)} covering it is called,
 *       and reflects each Ready's truncation and snapshot once that Ready is done;</li>
 *   <li>messages between two peers travel over one FIFO channel: they may be lost (the core
 *       notices the gap) or duplicated, but not reordered;</li>
 *   <li>a SNAP message carries the leader's state with exactly the txns up to its zxid: the
 *       deliveries of every Ready handed over before the one carrying the SNAP (see
 *       {@link Ready}).</li>
 * </ul>
 *
 * <p>The protocol itself lives in one state class per phase: {@code election.FastLeaderElection},
 * {@code discovery.LeaderDiscovery} and {@code LearnerDiscovery}, {@code sync.LeaderSync} and
 * {@code LearnerSync}, {@code broadcast.LeaderBroadcast} and {@code LearnerBroadcast}.
 *
 * <p>Not thread-safe: driven by one thread at a time (the runtime's driver, or the simulator).
 */
public final class ZabPeer {
    private final PeerContext ctx;
    private PeerState state;
    private boolean started;
    private RoleChange reported;
    private Ready pending;

    /**
     * A peer starting (or restarting) from its durable state; it is LOOKING until {@link #start()}
     * is called, and ignores every input but {@link #persisted(long)} until then.
     *
     * @param config the ensemble and timing
     * @param epochs the durable acceptedEpoch and currentEpoch
     * @param log the durable log
     * @param lastApplied the zxid up to which the state machine already holds committed txns (a
     *     loaded snapshot, or 0); logged txns above it are delivered only once known committed
     * @param random the seeded source of election jitter
     */
    public ZabPeer(PeerConfig config, EpochState epochs, LogView log, long lastApplied,
            RandomGenerator random) {
        this.ctx = new PeerContext(config, epochs, log, lastApplied, random);
        this.ctx.states(reason -> new FastLeaderElection(ctx));
        this.state = new FastLeaderElection(ctx);
    }

    /** Enters leader election. */
    public void start() {
        if (started) {
            throw new IllegalStateException("peer " + ctx.myId() + " already started");
        }
        started = true;
        PeerState first = state;
        state = null;
        moveTo(first);
    }

    /** One unit of time passed. */
    public void tick() {
        ctx.tick();
        if (started) {
            moveTo(state.tick());
        }
    }

    /** A message from another peer (addressed to this one). */
    public void step(PeerMessage message) {
        if (message.to() != ctx.myId()) {
            throw new IllegalArgumentException("message for peer " + message.to()
                    + " delivered to peer " + ctx.myId() + ": " + message);
        }
        if (!started || message.from() == ctx.myId() || !ctx.isMember(message.from())) {
            return;
        }
        ctx.heardFrom(message.from());
        if (state.role() != Role.LOOKING && message instanceof Notification n
                && n.state() == Role.LOOKING) {
            // A peer that is not LOOKING answers with its vote and state, so a LOOKING peer can
            // find an established leader (ZooKeeper's WorkerReceiver).
            ctx.send(new Notification(ctx.myId(), n.from(), ctx.vote(), ctx.round(), state.role()));
        }
        moveTo(state.step(message));
    }

    /**
     * A client write on the serving leader, with a zxid from a {@link ZxidSequence} in the
     * established epoch; zxids must increase.
     *
     * @throws IllegalStateException if this peer is not a leader in BROADCAST, or the zxid is not in
     *     an epoch it may propose in, or does not follow the last proposal
     */
    public void propose(Proposal proposal) {
        if (!started) {
            throw new IllegalStateException("peer " + ctx.myId() + " not started");
        }
        moveTo(state.propose(proposal));
    }

    /** The log is durable up to and including {@code zxid}. */
    public void persisted(long zxid) {
        ctx.history().persisted(zxid);
        if (started) {
            moveTo(state.persisted());
        }
    }

    /** The snapshot asked for by {@link Ready#snapshotToLoad()} is installed and durable. */
    public void snapshotInstalled(long zxid) {
        ctx.history().snapshotInstalled(zxid);
        if (started) {
            moveTo(state.snapshotInstalled());
        }
    }

    /** The transport lost its connection to {@code peerId} (fast failure detection). */
    public void peerDisconnected(long peerId) {
        ctx.disconnected(peerId);
        if (started) {
            moveTo(state.peerDisconnected(peerId));
        }
    }

    /** Whether {@link #ready()} has anything to do. */
    public boolean hasReady() {
        return (pending != null && !pending.isEmpty()) || !ctx.outbox().isEmpty();
    }

    /**
     * Everything to do since the last {@link #advance()}. Called again before {@code advance()}, it
     * returns the same Ready; inputs fed in between go to the next one.
     */
    public Ready ready() {
        if (pending == null) {
            pending = ctx.outbox().drain();
            List<Proposal> delivered = pending.toCommit();
            if (!delivered.isEmpty()) {
                ctx.history().handedOver(delivered.get(delivered.size() - 1).zxid());
            }
        }
        return pending;
    }

    /** The runtime did everything in the last {@link #ready()}. */
    public void advance() {
        pending = null;
    }

    public Role role() {
        return state.role();
    }

    public Phase phase() {
        return state.phase();
    }

    /** The leader this peer follows or is, or 0 when there is none. */
    public long leader() {
        return state.leader();
    }

    /** The durable epochs as this peer last asked the runtime to write them. */
    public EpochState epochs() {
        return ctx.writtenEpochs();
    }

    /** The learners this peer knows of while it leads (any phase); empty otherwise. */
    public java.util.List<LearnerStatus> learners() {
        return state.learners();
    }

    /** The highest zxid this peer has delivered. */
    public long lastDelivered() {
        return ctx.history().delivered();
    }

    /** A one-paragraph dump for admin commands and traces. */
    public String describe() {
        History history = ctx.history();
        return "peer " + ctx.myId() + (ctx.isObserver() ? " (observer)" : "") + ": "
                + state.role() + " in " + state.phase() + ", leader " + state.leader()
                + ", acceptedEpoch " + ctx.acceptedEpoch() + ", currentEpoch " + ctx.currentEpoch()
                + ", lastLogged " + Zxids.toHexString(history.last())
                + " (durable " + Zxids.toHexString(history.durable()) + ")"
                + ", committed " + Zxids.toHexString(history.committed())
                + ", lastDelivered " + Zxids.toHexString(history.delivered())
                + ", in flight " + history.inMemory() + ", tick " + ctx.now()
                + (state.detail().isEmpty() ? "" : "; " + state.detail())
                + (state.role() == Role.LOOKING ? "; last left because: " + ctx.lastReason() : "");
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Swaps in {@code next} (entering each new state in turn) and reports a changed role. */
    private void moveTo(PeerState next) {
        while (next != state) {
            state = next;
            next = state.enter();
        }
        Invariants.check(state.role() != Role.LEADING || ctx.isVoter(ctx.myId()),
                "only a voter leads");
        Invariants.check(ctx.history().delivered() <= ctx.history().durable()
                || ctx.mutated(Mutation.DELIVER_OUT_OF_ORDER), "only durable txns are delivered");
        RoleChange now = new RoleChange(state.role(), state.phase(), state.epoch(), state.leader());
        if (!now.equals(reported)) {
            reported = now;
            ctx.outbox().roleChange(now);
        }
    }
}
