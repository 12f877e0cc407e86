package io.paddock.zab.runtime;

import io.paddock.storage.log.CommittedWindow;
import io.paddock.storage.log.Txn;
import io.paddock.storage.log.TxnLog;
import io.paddock.zab.EpochState;
import io.paddock.zab.Invariants;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Ready;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.ZabPeer;
import io.paddock.zab.message.PeerMessage;
import java.util.function.Consumer;

/**
 * Carries out what the {@link ZabPeer} decides, in the order {@link Ready} prescribes: truncates
 * and appends to the txn log, writes the epochs durably before any message leaves, hands
 * messages to the transport, fills the committed window at commit (not at flush: on an ensemble
 * durable is not committed) and tells the {@link ZxidCounter} which epoch a serving leader
 * assigns zxids in.
 *
 * <p>The log's flush is not done here: the pipeline's persist stage flushes once per batch
 * (group commit) and reports it through {@link #flushed(long)}.
 *
 * <p>Not thread-safe: one thread drives it (the persist thread, after start-up).
 */
public final class PeerDriver {
    private static final int MAX_START_STEPS = 10_000;

    private final ZabPeer peer;
    private final TxnLog log;
    private final CommittedWindow window;
    private final Consumer<EpochState> epochWriter;
    private final Consumer<PeerMessage> transport;
    private final ZxidCounter zxids;
    private long committedUpTo;
    private RoleChange role;

    /**
     * @param peer the core, not yet started
     * @param log the txn log the persist stage writes
     * @param window the in-memory tier of committed txns
     * @param epochWriter writes the epochs durably before returning
     * @param transport sends a message to another peer (never called for a single voter)
     * @param zxids the counter the prepare stage takes zxids from
     * @param lastApplied the zxid the state machine holds at start
     */
    public PeerDriver(ZabPeer peer, TxnLog log, CommittedWindow window,
            Consumer<EpochState> epochWriter, Consumer<PeerMessage> transport, ZxidCounter zxids,
            long lastApplied) {
        this.peer = peer;
        this.log = log;
        this.window = window;
        this.epochWriter = epochWriter;
        this.transport = transport;
        this.zxids = zxids;
        this.committedUpTo = lastApplied;
    }

    /**
     * Starts the core and runs it until it leads and serves. For a single voter (the standalone
     * server, a quorum of one) that takes no message and no time: it elects itself, promises
     * itself a new epoch and adopts its own log as the epoch's history.
     *
     * @throws IllegalStateException if it does not get there, which for a quorum of one is a bug
     */
    public void establishAlone() {
        peer.start();
        for (int step = 0; step < MAX_START_STEPS; step++) {
            if (isServingLeader()) {
                return;
            }
            if (peer.hasReady()) {
                handle(peer.ready());
            } else if (log.lastAppendedZxid() > log.lastFlushedZxid()) {
                flushed(flush());
            } else {
                peer.tick();
            }
        }
        throw new IllegalStateException("a quorum of one did not establish itself as leader: "
                + peer.describe());
    }

    /**
     * A prepared write on the serving leader. The log gets it through the core's Ready at the
     * next {@link #appendProposed()}: a batch of proposals costs one Ready, not one each.
     */
    public void propose(Proposal proposal) {
        peer.propose(proposal);
    }

    /** Carries out what the proposals since the last call decided: appends them to the log. */
    public void appendProposed() {
        drain();
    }

    /**
     * The persist stage flushed the log up to {@code zxid}.
     *
     * @return the highest committed zxid afterwards
     */
    public long flushed(long zxid) {
        peer.persisted(zxid);
        drain();
        return committedUpTo;
    }

    /** The highest zxid committed (and handed to the committed window). */
    public long committedUpTo() {
        return committedUpTo;
    }

    /** The core's one-paragraph state. */
    public String describe() {
        return peer.describe();
    }

    private boolean isServingLeader() {
        return role != null && role.role() == Role.LEADING && role.phase() == Phase.BROADCAST;
    }

    private long flush() {
        log.flush();
        return log.lastFlushedZxid();
    }

    private void drain() {
        while (peer.hasReady()) {
            handle(peer.ready());
        }
    }

    private void handle(Ready ready) {
        if (ready.truncateAfter() >= 0) {
            throw new IllegalStateException("TRUNC needs the ensemble runtime: " + ready);
        }
        if (ready.epochs() != null) {
            epochWriter.accept(ready.epochs());
        }
        if (ready.snapshotToLoad() >= 0) {
            throw new IllegalStateException("SNAP needs the ensemble runtime: " + ready);
        }
        for (Proposal p : ready.toPersist()) {
            log.append(new Txn(p.zxid(), p.type(), p.data()));
        }
        ready.messages().forEach(transport);
        for (Proposal p : ready.toCommit()) {
            Invariants.check(p.zxid() > committedUpTo, "commits advance: %s after %s", p.zxid(),
                    committedUpTo);
            if (p.zxid() > window.lastZxid()) {
                window.add(new Txn(p.zxid(), p.type(), p.data()));
            }
            committedUpTo = p.zxid();
        }
        if (ready.roleChange() != null) {
            role = ready.roleChange();
            if (isServingLeader()) {
                zxids.establish(role.epoch(), log.lastAppendedZxid());
            } else {
                zxids.suspend();
            }
        }
        peer.advance();
    }
}
