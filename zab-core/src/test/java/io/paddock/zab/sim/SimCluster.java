package io.paddock.zab.sim;

import io.paddock.zab.PeerConfig;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Role;
import io.paddock.zab.Zxids;
import io.paddock.zab.quorum.MajorityQuorum;
import io.paddock.zab.message.PeerMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A scriptable ensemble on the simulator's runtime ({@link SimPeer}, {@link SimDisk},
 * {@link SimNetwork}, every {@link Check}): nothing happens unless a script says so, so a named
 * scenario can be written step by step ("deliver 1->2 DIFF", "crash 3", "restart 3",
 * "partition {1} {2,3}", "tick", "write", "stabilize"). Messages wait in per-pair FIFO queues;
 * disks sync at the end of each command unless held. The checkers run after every command, and a
 * broken one fails the script with the trace.
 *
 * <p>Not thread-safe: one script on one thread.
 */
public final class SimCluster implements SimHost {

    private final List<SimPeer> peers = new ArrayList<>();
    private final SimNetwork network;
    private final Checkers checkers = new Checkers();
    private final Trace trace = new Trace(400);
    private final boolean[] held;
    private final List<PeerMessage> delivered = new ArrayList<>();
    private long now;
    private long writeIds;

    private SimCluster(int voters, int observers, UnaryOperator<PeerConfig> tweak, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        this.network = new SimNetwork(voters + observers, random.split(), NetworkFaults.none());
        this.held = new boolean[voters + observers + 1];
        Set<Long> voterIds = new LinkedHashSet<>();
        Set<Long> observerIds = new LinkedHashSet<>();
        for (long id = 1; id <= voters + observers; id++) {
            (id <= voters ? voterIds : observerIds).add(id);
        }
        for (long id = 1; id <= voters + observers; id++) {
            PeerConfig config = new PeerConfig(id, new MajorityQuorum(voterIds), observerIds, 10, 2, 40, 20, 4,
                    Zxids.MAX_PART - 1, 100_000, Set.of());
            peers.add(new SimPeer(tweak.apply(config), this, random.split()));
        }
    }

    /** {@code voters} voting peers, ids 1..voters, not started. */
    public static SimCluster of(int voters) {
        return new SimCluster(voters, 0, UnaryOperator.identity(), 1);
    }

    /**
     * An ensemble with observers (ids after the voters) and each peer's config reshaped by
     * {@code tweak} (timing, maxCounter, maxDiffTxns, mutations).
     */
    public static SimCluster of(int voters, int observers, UnaryOperator<PeerConfig> tweak) {
        return new SimCluster(voters, observers, tweak, 1);
    }

    /** Prints every transition as it happens. */
    public SimCluster echo() {
        trace.echo(true);
        return this;
    }

    public SimPeer peer(long id) {
        return peers.get((int) id - 1);
    }

    public List<SimPeer> peers() {
        return peers;
    }

    public History history() {
        return checkers.history();
    }

    /** The messages waiting from {@code from} to {@code to}, in channel order. */
    public List<PeerMessage> queued(long from, long to) {
        List<PeerMessage> out = new ArrayList<>();
        for (Envelope e : network.inFlight()) {
            if (e.from() == from && e.to() == to) {
                out.add(e.message());
            }
        }
        return out;
    }

    /** Every message waiting anywhere, in send order. */
    public List<PeerMessage> queued() {
        List<PeerMessage> out = new ArrayList<>();
        for (Envelope e : network.inFlight()) {
            out.add(e.message());
        }
        return out;
    }

    public SimCluster start(long... ids) {
        return run(() -> {
            for (long id : ids) {
                trace.add(now, "start " + id);
                peer(id).start();
            }
        });
    }

    public SimCluster startAll() {
        return start(peers.stream().mapToLong(SimPeer::id).toArray());
    }

    /** Delivers the first waiting message from {@code from} to {@code to}; fails if there is none. */
    public PeerMessage deliver(long from, long to) {
        return deliver(from, to, m -> true, "any");
    }

    /**
     * Delivers the first waiting message of {@code kind} from {@code from} to {@code to}, overtaking
     * earlier messages of other kinds on that channel; fails if there is none.
     */
    public PeerMessage deliver(long from, long to, Class<? extends PeerMessage> kind) {
        return deliver(from, to, kind::isInstance, kind.getSimpleName());
    }

    public PeerMessage deliver(long from, long to, Predicate<PeerMessage> filter, String what) {
        PeerMessage[] out = new PeerMessage[1];
        run(() -> {
            Envelope e = network.take(from, to, filter);
            if (e == null) {
                throw new AssertionError("no " + what + " message waiting from " + from + " to " + to
                        + "; waiting: " + queued());
            }
            out[0] = e.message();
            handOver(e);
        });
        return out[0];
    }

    /** Every message delivered so far, in order. */
    public List<PeerMessage> delivered() {
        return delivered;
    }

    /**
     * Delivers waiting messages in order, and ticks every live peer whenever none waits, until a
     * message {@code target} accepts is waiting; returns it, undelivered. Fails after
     * {@code maxTicks} ticks.
     */
    public PeerMessage awaitQueued(Predicate<PeerMessage> target, int maxTicks) {
        return awaitQueued(target, m -> false, maxTicks);
    }

    /**
     * As {@link #awaitQueued(Predicate, int)}, but messages {@code hold} accepts stay where they are
     * while later ones (even on the same channel) are delivered.
     */
    public PeerMessage awaitQueued(Predicate<PeerMessage> target, Predicate<PeerMessage> hold, int maxTicks) {
        int ticks = 0;
        while (true) {
            Envelope next = null;
            for (Envelope e : network.inFlight()) {
                if (target.test(e.message())) {
                    return e.message();
                }
                if (next == null && !hold.test(e.message())) {
                    next = e;
                }
            }
            if (next != null) {
                Envelope chosen = next;
                run(() -> handOver(network.take(chosen.from(), chosen.to(), m -> m == chosen.message())));
            } else if (ticks++ < maxTicks) {
                tickAll();
            } else {
                throw failure(new AssertionError("the awaited message never came within " + maxTicks + " ticks"));
            }
        }
    }

    public PeerMessage awaitQueued(Predicate<PeerMessage> target) {
        return awaitQueued(target, 2_000);
    }

    /** Sends a second copy of the first waiting {@code kind} message from {@code from} to {@code to}. */
    public SimCluster duplicate(long from, long to, Class<? extends PeerMessage> kind) {
        return run(() -> {
            Envelope e = network.duplicate(from, to, kind::isInstance, now);
            if (e == null) {
                throw new AssertionError("no " + kind.getSimpleName() + " waiting from " + from + " to " + to);
            }
            trace.add(now, () -> "duplicate " + Fmt.message(e.message()));
        });
    }

    /** {@code id}'s runtime snapshots its state machine and compacts its log behind it. */
    public SimCluster compact(long id) {
        return run(() -> peer(id).compact());
    }

    /** The live peers other than {@code id}. */
    public long[] others(long id) {
        return peers.stream().filter(p -> p.id() != id && p.isUp()).mapToLong(SimPeer::id).toArray();
    }

    /** Delivers every waiting message (and what they cause) until the network is quiet. */
    public SimCluster deliverAll() {
        return run(() -> {
            for (int i = 0; i < 100_000 && !network.isEmpty(); i++) {
                handOver(network.poll());
                syncDisks();
            }
        });
    }

    /** Delivers every waiting message that {@code filter} accepts, the others stay. */
    public SimCluster deliverWhere(Predicate<PeerMessage> filter) {
        return run(() -> {
            for (int i = 0; i < 100_000; i++) {
                Envelope next = null;
                for (Envelope e : network.inFlight()) {
                    if (filter.test(e.message())) {
                        next = e;
                        break;
                    }
                }
                if (next == null) {
                    return;
                }
                handOver(network.take(next.from(), next.to(), m -> true));
                syncDisks();
            }
        });
    }

    /** Drops every waiting message from {@code from} to {@code to} of {@code kind}; returns them. */
    public List<PeerMessage> drop(long from, long to, Class<? extends PeerMessage> kind) {
        return dropWhere(m -> m.from() == from && m.to() == to && kind.isInstance(m));
    }

    public List<PeerMessage> dropWhere(Predicate<PeerMessage> filter) {
        List<PeerMessage> out = new ArrayList<>();
        run(() -> {
            for (Envelope e : network.dropWhere(e -> filter.test(e.message()))) {
                trace.add(now, () -> "drop " + Fmt.message(e.message()));
                out.add(e.message());
            }
        });
        return out;
    }

    /** Power loss on {@code id}: what its disk had not synced may be lost (all of it here). */
    public SimCluster crash(long id) {
        return run(() -> {
            int lost = peer(id).crash(false);
            trace.add(now, "crash " + id + " (" + lost + " unsynced writes lost) leaving " + peer(id).disk().describe());
            network.crashed(id, now);
        });
    }

    public SimCluster restart(long id) {
        return run(() -> {
            trace.add(now, "restart " + id + " from " + peer(id).disk().describe());
            peer(id).start();
        });
    }

    /** Cuts every link between the groups, both ways (a peer in no group is cut from everyone). */
    public SimCluster partition(long[]... groups) {
        return run(() -> {
            trace.add(now, "partition " + Arrays.deepToString(groups));
            for (SimPeer a : peers) {
                for (SimPeer b : peers) {
                    if (a != b && group(groups, a.id()) != group(groups, b.id()) || group(groups, a.id()) < 0) {
                        network.cut(a.id(), b.id(), now);
                    }
                }
            }
        });
    }

    /** Cuts {@code id} off from everyone, both ways. */
    public SimCluster isolate(long id) {
        return run(() -> {
            trace.add(now, "isolate " + id);
            for (SimPeer other : peers) {
                if (other.id() != id) {
                    network.cut(id, other.id(), now);
                    network.cut(other.id(), id, now);
                }
            }
        });
    }

    public SimCluster cut(long from, long to) {
        return run(() -> {
            trace.add(now, "cut " + from + "->" + to);
            network.cut(from, to, now);
        });
    }

    public SimCluster heal() {
        return run(() -> {
            trace.add(now, "heal all links");
            network.healAll();
        });
    }

    /** Tells {@code id}'s core that the transport lost {@code other}. */
    public SimCluster disconnected(long id, long other) {
        return run(() -> peer(id).peerDisconnected(other));
    }

    /** Ticks {@code id} {@code times} times, delivering nothing. */
    public SimCluster tick(long id, int times) {
        return run(() -> {
            for (int i = 0; i < times && peer(id).isUp(); i++) {
                now++;
                trace.tick(now, id);
                peer(id).tick();
            }
        });
    }

    /** Ticks every live peer once, delivering nothing. */
    public SimCluster tickAll() {
        return run(() -> {
            now++;
            for (SimPeer p : peers) {
                if (p.isUp()) {
                    trace.tick(now, p.id());
                    p.tick();
                }
            }
        });
    }

    /** A client write on serving leader {@code id}; fails if it is not serving. */
    public Proposal write(long id) {
        Proposal[] out = new Proposal[1];
        run(() -> {
            out[0] = peer(id).write(++writeIds);
            if (out[0] == null) {
                throw new AssertionError("peer " + id + " cannot take a write: " + peer(id));
            }
        });
        return out[0];
    }

    /** Holds {@code id}'s disk: its appends stay unsynced until {@link #persist} or a release. */
    public SimCluster holdDisk(long id) {
        held[(int) id] = true;
        return this;
    }

    public SimCluster releaseDisk(long id) {
        held[(int) id] = false;
        return run(this::syncDisks);
    }

    /** Completes every fsync queued on {@code id}'s disk, held or not. */
    public SimCluster persist(long id) {
        return run(() -> {
            while (peer(id).isUp() && peer(id).disk().hasPendingFsync()) {
                peer(id).fsyncCompleted();
            }
        });
    }

    /**
     * Delivers and ticks until one leader serves, every live peer follows it in BROADCAST, every
     * live peer has delivered what the leader delivered and nothing is in flight; fails after
     * {@code maxTicks} rounds.
     */
    public long stabilize(int maxTicks) {
        return stabilizeAmong(maxTicks, peers.stream().mapToLong(SimPeer::id).toArray());
    }

    /**
     * As {@link #stabilize()}, but only the peers {@code ids} need to agree (the others may be
     * down, cut off, or anything); every live peer is still ticked and fed.
     */
    public long stabilizeAmong(long... ids) {
        return stabilizeAmong(2_000, ids);
    }

    private long stabilizeAmong(int maxTicks, long[] ids) {
        for (int i = 0; i <= maxTicks; i++) {
            deliverAll();
            long leader = stableLeader(ids);
            if (leader > 0) {
                return leader;
            }
            tickAll();
        }
        StringBuilder s = new StringBuilder("no stable leader after " + maxTicks + " ticks:");
        for (SimPeer p : peers) {
            s.append("\n  ").append(p);
        }
        throw failure(new AssertionError(s.toString()));
    }

    public long stabilize() {
        return stabilize(2_000);
    }

    /** The serving leader every live peer follows with everything delivered, or 0. */
    public long stableLeader() {
        return stableLeader(peers.stream().mapToLong(SimPeer::id).toArray());
    }

    private long stableLeader(long[] ids) {
        List<SimPeer> among = new ArrayList<>();
        for (long id : ids) {
            among.add(peer(id));
        }
        SimPeer leader = null;
        for (SimPeer p : among) {
            if (p.isServing()) {
                if (leader != null) {
                    return 0;
                }
                leader = p;
            }
        }
        if (leader == null || !network.isEmpty()) {
            return 0;
        }
        for (SimPeer p : among) {
            if (!p.isUp() || p == leader) {
                continue;
            }
            Role expected = p.isObserver() ? Role.OBSERVING : Role.FOLLOWING;
            if (p.role().role() != expected || p.role().phase() != Phase.BROADCAST
                    || p.role().leader() != leader.id() || p.lastDelivered() != leader.lastDelivered()) {
                return 0;
            }
        }
        return leader.id();
    }

    /** The trace so far, one transition a line. */
    public String trace() {
        return String.join("\n", trace.lines());
    }

    // ---- SimHost

    @Override
    public long now() {
        return now;
    }

    @Override
    public void send(SimPeer from, PeerMessage message, List<Proposal> snapshot) {
        if (network.send(message, snapshot, now) == SimNetwork.SendResult.CUT) {
            trace.add(now, () -> "drop " + Fmt.message(message) + " (link cut)");
        }
    }

    @Override
    public void fsyncQueued(SimPeer peer) {
        peer.disk().queueFsync(now);
    }

    @Override
    public Checkers checkers() {
        return checkers;
    }

    @Override
    public Trace traceLog() {
        return trace;
    }

    // ---- internals

    private void handOver(Envelope e) {
        SimPeer to = peer(e.to());
        if (!network.deliverable(e) || !to.isUp()) {
            trace.add(now, () -> "drop " + Fmt.message(e.message()) + " (link cut or peer down)");
            return;
        }
        trace.add(now, () -> "deliver " + Fmt.message(e.message()));
        delivered.add(e.message());
        to.step(e);
    }

    private void syncDisks() {
        for (SimPeer p : peers) {
            while (p.isUp() && !held[(int) p.id()] && p.disk().hasPendingFsync()) {
                p.fsyncCompleted();
            }
        }
    }

    private SimCluster run(Runnable command) {
        try {
            command.run();
            syncDisks();
            checkers.afterStep(peers);
        } catch (ScriptFailure e) {
            throw e;
        } catch (RuntimeException | AssertionError e) {
            throw failure(e);
        }
        return this;
    }

    private ScriptFailure failure(Throwable cause) {
        return new ScriptFailure(cause + "\ntrace:\n" + trace(), cause);
    }

    /** A failed script step, with the trace attached once. */
    static final class ScriptFailure extends AssertionError {
        private static final long serialVersionUID = 1L;

        ScriptFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static int group(long[][] groups, long id) {
        for (int g = 0; g < groups.length; g++) {
            for (long member : groups[g]) {
                if (member == id) {
                    return g;
                }
            }
        }
        return -1;
    }
}
