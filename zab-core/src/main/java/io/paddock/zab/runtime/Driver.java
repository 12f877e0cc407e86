package io.paddock.zab.runtime;

import io.paddock.storage.epoch.EpochStore;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Ready;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.ZabPeer;
import io.paddock.zab.Zxids;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Snap;
import io.paddock.zab.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver thread's work: feeds the {@link ZabPeer} one input at a time from the {@link Inbox},
 * and after each one carries out every {@link Ready} in the order the contract prescribes:
 * truncate (on the persist stage, waiting), write the epochs (durable before any message leaves),
 * install a snapshot, hand {@code toPersist} to the persist stage (group commit; durability comes
 * back as an input), send the messages (answering a SNAP with a snapshot stream), apply
 * {@code toCommit} to the {@link StateMachine}, publish the role change, {@code advance()}.
 *
 * <p>Nothing here waits for another peer. It waits on local disk only for the rare steps the
 * contract orders before what follows: epochs, a truncation, a snapshot install.
 *
 * <p><b>SNAP on the leader.</b> A SNAP stands for the state with every txn delivered in the
 * Readies handed over before the one carrying it. The driver applies those on this thread, so
 * serialising the state machine here, before this Ready's {@code toCommit}, captures exactly that
 * state; the bytes are then streamed by the transport's own thread. The cost: the driver (and with
 * it this leader's progress) pauses while the state is serialised into memory, and the copy is
 * held until streamed. A state machine whose txns replay harmlessly (a ZooKeeper tree) says so
 * ({@link StateMachine#fuzzySnapshots()}): then the SNAP's state is written on a thread of its
 * own while the driver goes on ({@link StateMachine#snapshotFrom}), holding every txn up to the
 * SNAP's zxid and perhaps later ones, which the learner replays after installing it.
 *
 * <p>Not thread-safe: everything runs on the one driver thread, except the volatile getters.
 */
final class Driver {
    private static final Logger LOG = LoggerFactory.getLogger(Driver.class);
    private static final int MAX_BATCH = 4096;

    private final ZabPeer core;
    private final Inbox inbox;
    private final StateMachine stateMachine;
    private final Transport transport;
    private final PersistStage persist;
    private final EpochStore epochs;
    private final StorageLogView view;
    private final InstallMarker marker;
    private final ZxidCounter zxids;
    private final long myId;
    private final Consumer<RoleChange> roleListener;
    private final SnapHold hold = new SnapHold();
    private final PendingProposals pending = new PendingProposals();
    private long generation;
    private long lastProposed;
    private Snap lastSnap;
    private volatile RoleChange role = new RoleChange(Role.LOOKING, Phase.ELECTION, 0, 0);
    private volatile java.util.List<io.paddock.zab.LearnerStatus> learners = java.util.List.of();
    private volatile long lastApplied;
    private volatile Throwable failure;

    Driver(ZabPeer core, Inbox inbox, Parts parts, long lastApplied) {
        this.core = core;
        this.myId = parts.myId();
        this.inbox = inbox;
        this.stateMachine = parts.stateMachine();
        this.transport = parts.transport();
        this.persist = parts.persist();
        this.epochs = parts.epochs();
        this.view = parts.view();
        this.marker = parts.marker();
        this.zxids = parts.zxids();
        this.roleListener = parts.roleListener();
        this.lastApplied = lastApplied;
        this.lastProposed = lastApplied;
    }

    /** What the driver works with besides its core. */
    record Parts(long myId, StateMachine stateMachine, Transport transport, PersistStage persist,
            EpochStore epochs, StorageLogView view, InstallMarker marker, ZxidCounter zxids,
            Consumer<RoleChange> roleListener) {
    }

    RoleChange role() {
        return role;
    }

    /** The learners as of the last tick (empty unless leading). */
    java.util.List<io.paddock.zab.LearnerStatus> learners() {
        return learners;
    }

    long lastApplied() {
        return lastApplied;
    }

    /** What stopped the driver, or null. */
    Throwable failure() {
        return failure;
    }

    /** The driver thread's body: runs until a Stop or a failure. */
    void run() {
        try {
            core.start();
            drain();
            while (true) {
                if (!handle(inbox.take())) {
                    return;
                }
                for (int i = 0; i < MAX_BATCH; i++) {
                    Input next = inbox.poll();
                    if (next == null) {
                        break;
                    }
                    if (!handle(next)) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("the driver of server {} failed and stops: {}", myId, core.describe(), e);
        } finally {
            inbox.close();
            pending.failAll("the peer stopped");
            hold.clear();
        }
    }

    /** Feeds one input and carries out what it caused; false to stop. */
    private boolean handle(Input input) {
        if (input instanceof Input.Tick) {
            core.tick();
            learners = core.learners(); // refreshed once a tick: operators' view, not the protocol's
        } else if (input instanceof Input.Received r) {
            receive(r.message());
        } else if (input instanceof Input.Persisted p) {
            if (p.generation() == generation) {
                core.persisted(p.zxid());
            }
        } else if (input instanceof Input.Disconnected d) {
            hold.abandon(d.peerId());
            core.peerDisconnected(d.peerId());
        } else if (input instanceof Input.SnapshotArrived s) {
            for (PeerMessage m : hold.arrived(s.from(), s.zxid(), s.file())) {
                receive(m);
                drain();
            }
        } else if (input instanceof Input.Submit s) {
            submit(s);
        } else if (input instanceof Input.Propose p) {
            propose(p.proposal(), p.done());
        } else if (input instanceof Input.Failed f) {
            failure = f.cause();
            LOG.error("server {} stops: the {} failed", myId, f.where());
            return false;
        } else if (input instanceof Input.Stop) {
            return false;
        }
        drain();
        return true;
    }

    private void receive(PeerMessage m) {
        if (hold.hold(m)) {
            return;
        }
        if (m instanceof Snap snap) {
            lastSnap = snap;
        }
        core.step(m);
    }

    private void submit(Input.Submit s) {
        if (!isServing()) {
            s.done().completeExceptionally(ProposalException.refused("server is not a serving leader: "
                    + role));
            return;
        }
        long zxid;
        try {
            zxid = zxids.next();
        } catch (IllegalStateException e) {
            s.done().completeExceptionally(ProposalException.refused(e.getMessage()));
            return;
        }
        propose(new Proposal(zxid, s.type(), s.data()), s.done());
    }

    private void propose(Proposal p, CompletableFuture<Long> done) {
        try {
            core.propose(p);
        } catch (IllegalStateException e) {
            done.completeExceptionally(ProposalException.refused(e.getMessage()));
            return;
        }
        lastProposed = Math.max(lastProposed, p.zxid());
        pending.add(p.zxid(), done);
    }

    private void drain() {
        while (core.hasReady()) {
            Ready ready = core.ready();
            long installed = handle(ready);
            core.advance();
            if (installed >= 0) {
                core.snapshotInstalled(installed);
            }
        }
    }

    /** Does one Ready in the contract's order; returns the snapshot it installed, or -1. */
    private long handle(Ready ready) {
        if (ready.truncateAfter() >= 0) {
            truncate(ready.truncateAfter());
        }
        if (ready.epochs() != null) {
            epochs.write(ready.epochs().acceptedEpoch(), ready.epochs().currentEpoch());
        }
        long installed = ready.snapshotToLoad();
        if (installed >= 0) {
            install(installed);
        }
        if (!ready.toPersist().isEmpty()) {
            persist.append(ready.toPersist());
        }
        send(ready.messages());
        for (Proposal p : ready.toCommit()) {
            stateMachine.apply(p);
            lastApplied = p.zxid();
        }
        if (!ready.toCommit().isEmpty()) {
            pending.applied(lastApplied);
        }
        if (ready.roleChange() != null) {
            changeRole(ready.roleChange());
        }
        return installed;
    }

    private void truncate(long zxid) {
        persist.truncate(zxid);
        view.forgetCursor();
        generation++;
        // Only a leader's TRUNC truncates here; operators (and tests) look for the word.
        LOG.info("server {}: TRUNC: log truncated after {}", myId, Zxids.toHexString(zxid));
    }

    /** Replaces state and log with the snapshot the last SNAP brought; see {@link InstallMarker}. */
    private void install(long zxid) {
        SnapHold.Arrived stream = lastSnap == null ? null : hold.take(lastSnap);
        if (stream == null || stream.zxid() != zxid) {
            throw new IllegalStateException("asked to install a snapshot at " + Zxids.toHexString(zxid)
                    + " but the last SNAP was " + lastSnap + " with no stream for it");
        }
        try {
            marker.begin(zxid);
            long got;
            try (InputStream in = Files.newInputStream(stream.file())) {
                got = stateMachine.install(in);
            }
            if (got != zxid) {
                throw new IllegalStateException("the state machine installed a snapshot at "
                        + Zxids.toHexString(got) + " from a stream announced at " + Zxids.toHexString(zxid));
            }
            persist.truncate(0);
            generation++;
            view.restartAt(zxid);
            marker.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("installing the snapshot at " + Zxids.toHexString(zxid)
                    + " from " + stream.file() + " failed", e);
        } finally {
            SnapHold.delete(stream.file());
        }
        lastApplied = zxid;
        LOG.info("server {} installed a snapshot at {} from server {}", myId,
                Zxids.toHexString(zxid), lastSnap.from());
    }

    private void send(List<PeerMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        transport.send(messages);
        byte[] snapshot = null;
        for (PeerMessage m : messages) {
            if (m instanceof Snap snap) {
                if (stateMachine.fuzzySnapshots()) {
                    streamFuzzy(snap);
                    continue;
                }
                if (snapshot == null) {
                    snapshot = snapshot(snap.zxid());
                }
                transport.sendSnapshot(snap.to(), snap.zxid(), snapshot);
            }
        }
    }

    /**
     * A SNAP's state serialised on a thread of its own while this driver goes on: the learner
     * holds what follows the SNAP until the stream arrives (SnapHold), then replays the txns
     * after the SNAP's zxid over the fuzzy state. A failure is logged and the learner's sync
     * times out and starts again, as for a lost stream.
     */
    private void streamFuzzy(Snap snap) {
        Thread t = new Thread(() -> {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stateMachine.snapshotFrom(snap.zxid(), out);
                transport.sendSnapshot(snap.to(), snap.zxid(), out.toByteArray());
            } catch (IOException | RuntimeException e) {
                LOG.error("server {}: the snapshot at {} for server {} failed", myId,
                        Zxids.toHexString(snap.zxid()), snap.to(), e);
            }
        }, "zab-snapshot-" + myId + "-to-" + snap.to());
        t.setDaemon(true);
        t.start();
    }

    /** The state machine's state now, which the contract says is the state at {@code zxid}. */
    private byte[] snapshot(long zxid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long at;
        try {
            at = stateMachine.snapshot(out);
        } catch (IOException e) {
            throw new UncheckedIOException("snapshotting the state machine failed", e);
        }
        if (at != zxid) {
            throw new IllegalStateException("a SNAP at " + Zxids.toHexString(zxid)
                    + " but the state machine is at " + Zxids.toHexString(at));
        }
        return out.toByteArray();
    }

    private void changeRole(RoleChange change) {
        boolean wasServing = isServing();
        role = change;
        if (isServing()) {
            zxids.establish(change.epoch(), Math.max(lastProposed, view.lastLogged()));
        } else {
            zxids.suspend();
            if (wasServing) {
                pending.failAll("server stopped leading: " + change);
            }
        }
        long waitingOn = hold.waitingOn();
        if (waitingOn != 0 && (change.role() == Role.LOOKING || change.leader() != waitingOn)) {
            hold.abandon(waitingOn);
        }
        roleListener.accept(change);
    }

    private boolean isServing() {
        return role.role() == Role.LEADING && role.phase() == Phase.BROADCAST;
    }
}
