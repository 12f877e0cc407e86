package io.paddock.zab.runtime;

import io.paddock.zab.EpochState;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.ZabPeer;
import io.paddock.zab.Zxids;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Relay;
import io.paddock.zab.transport.Transport;
import io.paddock.zab.transport.TransportListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ZAB peer on the network: its {@link ZabPeer} core, driven by one thread, over a
 * {@link Transport}, a txn log and epoch store ({@link PeerStorage}) and a {@link StateMachine}.
 *
 * <pre>
 *   transport ─ messages, disconnects, snapshot streams ─┐
 *   scheduler ─ ticks (tickInterval) ────────────────────┤
 *   persist thread ─ persisted(lastFlushed) ─────────────┼─▶ inbox ─▶ driver thread (owns ZabPeer)
 *   clients ─ submit / propose ──────────────────────────┘      │
 *       ┌───────────────────────────────────────────────────────┘ per Ready, in order:
 *       ├─ truncate, install snapshot ─▶ persist thread (driver waits)
 *       ├─ epochs ─▶ EpochStore (durable before any message)
 *       ├─ toPersist ─▶ persist thread: append, one flush per batch (group commit)
 *       ├─ messages ─▶ transport (a SNAP also streams a snapshot over the quorum port)
 *       ├─ toCommit ─▶ StateMachine.apply, in zxid order; completes the leader's futures
 *       └─ roleChange ─▶ ZxidCounter (serving epoch), RoleListeners
 * </pre>
 *
 * <p>Threading: every public method is thread-safe. The state machine and the role listeners are
 * called on the driver thread only.
 */
public final class ZabRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZabRuntime.class);

    private final RuntimeConfig config;
    private final PeerStorage storage;
    private final StateMachine stateMachine;
    private final Transport transport;
    private final Inbox inbox = new Inbox();
    private final List<RoleListener> listeners = new CopyOnWriteArrayList<>();
    private volatile RelayListener relays = (from, payload) -> { };
    private final StorageLogView view;
    private final ZxidCounter zxids;
    private final PersistStage persist;
    private final Driver driver;
    private final Thread driverThread;
    private final ScheduledExecutorService ticker;
    private boolean started;
    private boolean closed;

    /**
     * Recovers what a crash may have left half done (an interrupted snapshot install) and builds
     * the core from the durable state: the epochs, the log and the state machine's
     * {@link StateMachine#lastApplied()}. Nothing runs until {@link #start()}.
     *
     * @param config the core's configuration and the tick interval
     * @param storage the log, epochs and work directory; the runtime owns and closes it
     * @param stateMachine what committed txns are applied to
     * @param transport the network; the runtime starts and closes it
     */
    public ZabRuntime(RuntimeConfig config, PeerStorage storage, StateMachine stateMachine,
            Transport transport) {
        this.config = config;
        this.storage = storage;
        this.stateMachine = stateMachine;
        this.transport = transport;
        long myId = config.peer().myId();
        InstallMarker marker = new InstallMarker(storage.workDir());
        long lastApplied = stateMachine.lastApplied();
        finishInterruptedInstall(marker, lastApplied);
        this.view = new StorageLogView(storage.log(), lastApplied);
        this.zxids = new ZxidCounter(Math.max(lastApplied, view.lastLogged()),
                config.peer().maxCounter());
        this.persist = new PersistStage(storage.log(), inbox, "zab-persist-" + myId);
        EpochState epochs = new EpochState(storage.epochs().acceptedEpoch(),
                storage.epochs().currentEpoch());
        ZabPeer core = new ZabPeer(config.peer(), epochs, view, lastApplied, new SplittableRandom());
        this.driver = new Driver(core, inbox, new Driver.Parts(myId, stateMachine, transport, persist,
                storage.epochs(), view, marker, zxids, this::publish), lastApplied);
        this.driverThread = new Thread(this::drive, "zab-driver-" + myId);
        this.driverThread.setDaemon(true);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zab-ticker-" + myId);
            t.setDaemon(true);
            return t;
        });
        LOG.info("server {} recovered: epochs {}, log up to {}, state machine at {}", myId, epochs,
                Zxids.toHexString(view.lastLogged()), Zxids.toHexString(lastApplied));
    }

    /** Starts the threads, binds the ports and enters leader election. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        persist.start();
        transport.start(new Listener());
        driverThread.start();
        long tick = config.tickInterval().toNanos();
        ticker.scheduleAtFixedRate(inbox::tick, tick, tick, TimeUnit.NANOSECONDS);
    }

    /**
     * Proposes a txn with a zxid the driver assigns; use this or {@link #propose}, not both.
     *
     * @return completes with the zxid once the txn is applied here (so committed), or fails with a
     *     {@link ProposalException} if this peer is not serving or stops serving first
     */
    public CompletableFuture<Long> submit(int type, byte[] data) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        inbox.post(new Input.Submit(type, data, done));
        return done;
    }

    /**
     * Proposes a txn whose zxid the caller took from {@link #zxids()} (a server's prepare stage
     * needs the zxid to build the txn). Calls must come in zxid order.
     *
     * @return as {@link #submit}
     */
    public CompletableFuture<Long> propose(Proposal proposal) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        inbox.post(new Input.Propose(proposal, done));
        return done;
    }

    /** The serving leader's zxids: established in its epoch while serving, refusing otherwise. */
    public ZxidCounter zxids() {
        return zxids;
    }

    /** Adds a listener for role changes (called on the driver thread). */
    public void addRoleListener(RoleListener listener) {
        listeners.add(listener);
    }

    /** Sets who is told the {@link Relay}s other peers send here; set it before {@link #start()}. */
    public void onRelay(RelayListener listener) {
        this.relays = listener;
    }

    /**
     * Sends application bytes to peer {@code to} on the channel ZAB uses, after every message
     * sent to it before; lost if the connection drops, as any message.
     */
    public void relay(long to, byte[] payload) {
        transport.send(List.of(new Relay(config.peer().myId(), to, payload)));
    }

    /** The role as of the last Ready handled. */
    public RoleChange role() {
        return driver.role();
    }

    /** The learners this peer knows of while it leads, as of the last tick; empty otherwise. */
    public List<io.paddock.zab.LearnerStatus> learners() {
        return driver.learners();
    }

    /** Whether this peer leads and serves (LEADING in BROADCAST). */
    public boolean isServing() {
        RoleChange r = driver.role();
        return r.role() == Role.LEADING && r.phase() == Phase.BROADCAST;
    }

    /** The zxid of the last txn applied to the state machine (or installed with a snapshot). */
    public long lastApplied() {
        return driver.lastApplied();
    }

    /** The zxid of the last txn durable in the log. */
    public long lastLogged() {
        return view.lastLogged();
    }

    /** What stopped this runtime on its own (a storage failure, a broken invariant), if anything. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(driver.failure());
    }

    /**
     * Stops as a crash would: closes the ports and connections first, then stops the threads
     * without flushing what the log had not flushed, then closes the storage.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticker.shutdownNow();
        transport.close();
        inbox.post(new Input.Stop());
        try {
            if (driverThread.isAlive()) {
                driverThread.join();
            }
            if (started) {
                persist.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            storage.close();
        }
    }

    private void drive() {
        driver.run();
        if (driver.failure() != null) {
            // Peers must see a failed peer as gone, not as one that stopped answering.
            ticker.shutdownNow();
            transport.close();
        }
    }

    private void publish(RoleChange change) {
        LOG.info("server {}: {} in {}, epoch {}, leader {}", config.peer().myId(), change.role(),
                change.phase(), change.epoch(), change.leader());
        for (RoleListener l : listeners) {
            l.roleChanged(change);
        }
    }

    private void finishInterruptedInstall(InstallMarker marker, long lastApplied) {
        OptionalLong interrupted = marker.pending();
        if (interrupted.isEmpty()) {
            return;
        }
        long zxid = interrupted.getAsLong();
        if (lastApplied >= zxid) {
            LOG.warn("server {}: finishing a snapshot install at {} a crash interrupted: emptying"
                    + " the txn log", config.peer().myId(), Zxids.toHexString(zxid));
            storage.log().truncateAfter(0);
        } else {
            LOG.warn("server {}: a snapshot install at {} did not complete; keeping the old state"
                    + " at {} and its log", config.peer().myId(), Zxids.toHexString(zxid),
                    Zxids.toHexString(lastApplied));
        }
        marker.finish();
    }

    /** Hands every transport event to the inbox. */
    private final class Listener implements TransportListener {
        @Override
        public void received(PeerMessage message) {
            if (message instanceof Relay r) {
                relays.relayed(r.from(), r.payload());
                return;
            }
            inbox.post(new Input.Received(message));
        }

        @Override
        public void disconnected(long peerId) {
            inbox.post(new Input.Disconnected(peerId));
        }

        @Override
        public void snapshotReceived(long from, long zxid, Path file) {
            inbox.post(new Input.SnapshotArrived(from, zxid, file));
        }
    }
}
