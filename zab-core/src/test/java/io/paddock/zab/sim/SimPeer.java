package io.paddock.zab.sim;

import io.paddock.zab.EpochState;
import io.paddock.zab.Mutation;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Ready;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.ZabPeer;
import io.paddock.zab.ZxidSequence;
import io.paddock.zab.Zxids;
import io.paddock.zab.message.NewLeader;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Snap;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The runtime around one real {@link ZabPeer}, following {@link Ready}'s contract to the letter:
 * truncate, write epochs, install a snapshot (then {@code snapshotInstalled}), append, send,
 * deliver, act on the role change, {@code advance()}. Its state machine is the list of delivered
 * proposals; its disk a {@link SimDisk}. A crash drops the core and what the disk had not synced;
 * a restart builds a new core from the disk and the state machine from the snapshot alone.
 *
 * <p>Not thread-safe: driven by the simulator's single thread.
 */
public final class SimPeer {

    private final long id;
    private final PeerConfig config;
    private final SimDisk disk;
    private final SimHost host;
    private final SplittableRandom random;
    private ZabPeer core;
    private int incarnation;
    private ArrayList<Proposal> state = new ArrayList<>();
    private RoleChange role = new RoleChange(Role.LOOKING, Phase.ELECTION, 0, 0);
    private ZxidSequence zxids;
    private long lastProposed;
    private Snap lastSnap;
    private final Map<Long, Long> newLeaderZxids = new HashMap<>();
    private List<Proposal> lastSnapState;

    SimPeer(PeerConfig config, SimHost host, SplittableRandom random) {
        this.id = config.myId();
        this.config = config;
        this.disk = new SimDisk(id);
        this.host = host;
        this.random = random;
    }

    public long id() {
        return id;
    }

    public PeerConfig config() {
        return config;
    }

    public boolean isObserver() {
        return config.isObserver();
    }

    public SimDisk disk() {
        return disk;
    }

    /** The core, or null while crashed. */
    public ZabPeer core() {
        return core;
    }

    public boolean isUp() {
        return core != null;
    }

    /** How many times this peer started: 1 for the first start, 2 after one restart... */
    public int incarnation() {
        return incarnation;
    }

    /** The state machine: every delivered proposal of this incarnation, snapshot included. */
    public List<Proposal> state() {
        return Collections.unmodifiableList(state);
    }

    public long lastDelivered() {
        return state.isEmpty() ? 0 : state.get(state.size() - 1).zxid();
    }

    /** The role as the last {@link RoleChange} told it. */
    public RoleChange role() {
        return role;
    }

    /** Whether this peer is a leader that may propose (LEADING in BROADCAST). */
    public boolean isServing() {
        return core != null && role.role() == Role.LEADING && role.phase() == Phase.BROADCAST;
    }

    /**
     * The zxid of the NEWLEADER this life received for {@code epoch} (the leader's initial history
     * it must hold durably before it acknowledges or adopts the epoch), or -1.
     */
    public long newLeaderZxid(long epoch) {
        return newLeaderZxids.getOrDefault(epoch, -1L);
    }

    /** Starts (or restarts) from the disk: the epochs, the log, the snapshot. */
    void start() {
        incarnation++;
        state = new ArrayList<>(disk.snapshotState());
        role = new RoleChange(Role.LOOKING, Phase.ELECTION, 0, 0);
        zxids = null;
        lastSnap = null;
        lastSnapState = null;
        newLeaderZxids.clear();
        lastProposed = 0;
        core = new ZabPeer(config, disk.epochs(), disk.view(), disk.snapshotZxid(), random.split());
        core.start();
        drain();
    }

    /** Power loss: the core is gone, the disk keeps its durable part (and maybe some of the tail). */
    int crash(boolean partialWrites) {
        core = null;
        role = new RoleChange(Role.LOOKING, Phase.ELECTION, 0, 0);
        return disk.crash(random, partialWrites);
    }

    void tick() {
        core.tick();
        drain();
    }

    void step(Envelope envelope) {
        if (envelope.message() instanceof Snap snap) {
            lastSnap = snap;
            lastSnapState = envelope.snapshot();
        } else if (envelope.message() instanceof NewLeader newLeader) {
            newLeaderZxids.put(newLeader.epoch(), newLeader.zxid());
        }
        core.step(envelope.message());
        drain();
    }

    void peerDisconnected(long other) {
        core.peerDisconnected(other);
        drain();
    }

    /** Completes the disk's oldest queued fsync and reports it. */
    void fsyncCompleted() {
        long zxid = disk.completeFsync();
        if (zxid > 0 && core != null) {
            host.traceLog().add(host.now(), () -> "fsync " + id + " up to " + Fmt.z(zxid));
            core.persisted(zxid);
            drain();
        }
    }

    /**
     * A client write on the serving leader, with the next zxid of its epoch.
     *
     * @return the proposal, or null if this peer is not serving or its counter is used up
     */
    Proposal write(long writeId) {
        if (!isServing() || zxids == null) {
            return null;
        }
        long zxid = zxids.next();
        if (zxid < 0) {
            return null;
        }
        Proposal proposal = new Proposal(zxid, 1, ByteBuffer.allocate(8).putLong(writeId).array());
        host.checkers().proposed(this, proposal);
        host.traceLog().add(host.now(), () -> "write " + id + " " + Fmt.z(zxid) + " #" + writeId);
        try {
            core.propose(proposal);
        } catch (IllegalStateException e) {
            throw new SafetyViolation("ReadyContract", "peer " + id + " serving as " + Fmt.role(role)
                    + " rejected proposal " + Fmt.z(zxid) + ": " + e.getMessage());
        }
        lastProposed = zxid;
        drain();
        return proposal;
    }

    /**
     * The runtime takes its own snapshot of the state machine, durably, and compacts the log
     * behind it (as ZooKeeper purges old logs behind snapshots).
     */
    void compact() {
        long zxid = lastDelivered();
        if (zxid > disk.snapshotZxid()) {
            disk.compact(zxid, state);
            host.traceLog().add(host.now(), () -> "compact " + id + " snapshot at " + Fmt.z(zxid));
        }
    }

    private void drain() {
        while (core != null && core.hasReady()) {
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
        Checkers checkers = host.checkers();
        if (ready.truncateAfter() >= 0) {
            if (ready.snapshotToLoad() < 0) {
                checkers.truncated(this, ready.truncateAfter());
            }
            int removed = disk.truncateAfter(ready.truncateAfter());
            host.traceLog().add(host.now(), () -> "truncate " + id + " after " + Fmt.z(ready.truncateAfter())
                    + " (" + removed + " removed)");
        }
        if (ready.epochs() != null) {
            EpochState epochs = ready.epochs();
            checkers.epochsWritten(this, epochs);
            disk.writeEpochs(epochs);
            host.traceLog().add(host.now(), () -> "epochs " + id + " accepted=" + epochs.acceptedEpoch()
                    + " current=" + epochs.currentEpoch());
        }
        long installed = ready.snapshotToLoad();
        if (installed >= 0) {
            installSnapshot(installed);
        }
        persist(ready.toPersist());
        send(ready);
        apply(ready.toCommit());
        if (ready.roleChange() != null) {
            changeRole(ready.roleChange());
        }
        return installed;
    }

    private void installSnapshot(long zxid) {
        if (lastSnap == null || lastSnap.zxid() != zxid) {
            throw new SafetyViolation("ReadyContract", "peer " + id + " asked to load a snapshot at "
                    + Fmt.z(zxid) + " but the last SNAP it received was "
                    + (lastSnap == null ? "none" : Fmt.message(lastSnap)));
        }
        List<Proposal> snapshot = lastSnapState;
        host.checkers().snapshotInstalled(this, zxid, snapshot);
        disk.installSnapshot(zxid, snapshot);
        state = new ArrayList<>(snapshot);
        host.traceLog().add(host.now(), () -> "install " + id + " snapshot at " + Fmt.z(zxid) + " holding "
                + Fmt.range(snapshot));
    }

    void persist(List<Proposal> txns) {
        if (txns.isEmpty()) {
            return;
        }
        for (Proposal p : txns) {
            disk.append(p);
        }
        host.traceLog().add(host.now(), () -> "append " + id + " " + Fmt.range(txns));
        host.fsyncQueued(this);
    }

    /**
     * Sends in destination order, keeping each destination's order: the contract only promises
     * per-destination FIFO, and a canonical order keeps a seed replayable even if the core's own
     * order across destinations is not (see CORE-BUGS.md, 1).
     */
    private void send(Ready ready) {
        List<PeerMessage> messages = new ArrayList<>(ready.messages());
        messages.sort(Comparator.comparingLong(PeerMessage::to));
        for (PeerMessage m : messages) {
            List<Proposal> snapshot = null;
            if (m instanceof Snap snap) {
                snapshot = snapshotFor(snap);
            }
            host.checkers().sent(this, m);
            host.send(this, m, snapshot);
        }
    }

    /**
     * The SNAP payload: this peer's delivered prefix up to the SNAP's zxid, as delivered before this
     * Ready (the contract: a SNAP stands for the state of the Readies handed over before it).
     */
    private List<Proposal> snapshotFor(Snap snap) {
        int upTo = state.size();
        while (upTo > 0 && state.get(upTo - 1).zxid() > snap.zxid()) {
            upTo--;
        }
        long last = upTo == 0 ? 0 : state.get(upTo - 1).zxid();
        if (last != snap.zxid()) {
            throw new SafetyViolation("ReadyContract", "peer " + id + " sent " + Fmt.message(snap)
                    + " but had delivered only up to " + Fmt.z(lastDelivered())
                    + ": a SNAP stands for txns delivered in earlier Readies");
        }
        return List.copyOf(state.subList(0, upTo));
    }

    void apply(List<Proposal> txns) {
        if (txns.isEmpty()) {
            return;
        }
        Checkers checkers = host.checkers();
        for (Proposal p : txns) {
            checkers.delivered(this, p, state.size());
            state.add(p);
        }
        host.traceLog().add(host.now(), () -> "commit " + id + " " + Fmt.range(txns));
    }

    void changeRole(RoleChange change) {
        host.checkers().roleChanged(this, change);
        role = change;
        host.traceLog().add(host.now(), () -> "role " + id + " " + Fmt.role(change));
        if (change.role() == Role.LEADING && change.phase() == Phase.BROADCAST) {
            zxids = new ZxidSequence(config.maxCounter());
            zxids.establish(change.epoch(), Math.max(lastProposed, disk.lastWritten()));
        } else {
            zxids = null;
        }
    }

    @Override
    public String toString() {
        return "peer " + id + (isObserver() ? " (observer)" : "") + (core == null ? " DOWN" : " "
                + Fmt.role(role)) + " delivered=" + Fmt.z(lastDelivered()) + " " + disk.describe();
    }

    /** Whether a mutation is switched on for this peer. */
    boolean mutated(Mutation m) {
        return config.mutations().contains(m);
    }
}
