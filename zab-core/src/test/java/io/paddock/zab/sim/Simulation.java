package io.paddock.zab.sim;

import io.paddock.zab.Mutation;
import io.paddock.zab.Proposal;
import io.paddock.zab.Zxids;
import io.paddock.zab.message.PeerMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One deterministic run of a whole ensemble of real {@link io.paddock.zab.ZabPeer}s, derived from a
 * seed (TigerBeetle's VOPR, FoundationDB's simulation): a safety phase of {@code safetySteps}
 * steps with faults (see {@link FaultInjector}), then a liveness phase on a healed cluster that
 * must elect a leader and commit a fresh write on every live peer within a bounded time. Every
 * {@link Check} runs after every step; a broken one ends the run with a report that replays.
 *
 * <p>A step is one event, the earliest due: an fsync completing, a message arriving, a peer's
 * tick, a client write or a fault.
 *
 * <p>Not thread-safe: one run on one thread; runs share nothing.
 */
public final class Simulation implements SimHost {

    /** Faulty steps per seed in the default test suite. */
    public static final int DEFAULT_STEPS = 2_000;

    private final SimOptions options;
    private final SplittableRandom random;
    private final NetworkFaults networkFaults;
    private final SimNetwork network;
    private final List<SimPeer> peers = new ArrayList<>();
    private final Checkers checkers = new Checkers();
    private final Trace trace;
    private final SimStats stats = new SimStats();
    private final FaultInjector faults;
    private final long[] nextTick;
    private final boolean[] slowDisk;
    private long now;
    private long nextWrite;
    private long writeIds;
    private boolean healing;
    private final List<Long> freshWrites = new ArrayList<>();

    public Simulation(long seed) {
        this(SimOptions.derive(seed, DEFAULT_STEPS, Set.of()));
    }

    public Simulation(long seed, int safetySteps, Set<Mutation> mutations) {
        this(SimOptions.derive(seed, safetySteps, mutations));
    }

    public Simulation(SimOptions options) {
        this(options, 200);
    }

    /** A run whose failure report keeps the last {@code traceLines} transitions. */
    public Simulation(SimOptions options, int traceLines) {
        this.options = options;
        this.trace = new Trace(traceLines);
        this.random = new SplittableRandom(options.seed());
        this.networkFaults = new NetworkFaults(options.minDelay(), options.maxDelay(), options.dropRate(),
                options.duplicateRate(), options.staleRate(), options.staleDelay());
        int maxId = options.voters() + options.observers();
        this.network = new SimNetwork(maxId, random.split(), networkFaults);
        this.nextTick = new long[maxId + 1];
        this.slowDisk = new boolean[maxId + 1];
        for (long id : options.ids()) {
            peers.add(new SimPeer(options.peerConfig(id), this, random.split()));
            nextTick[(int) id] = 1 + random.nextLong(options.tickPeriods()[(int) id]);
        }
        this.faults = new FaultInjector(this, random.split());
    }

    public SimOptions options() {
        return options;
    }

    /** Runs both phases; never throws for a broken check, it reports it. */
    public SimResult run() {
        try {
            for (SimPeer peer : peers) {
                peer.start();
            }
            nextWrite = 1 + random.nextLong(2 * options.writeInterval());
            faults.schedule(now);
            for (int i = 0; i < options.safetySteps(); i++) {
                step();
            }
            liveness();
            return new SimResult(options.seed(), null, null, stats);
        } catch (SafetyViolation v) {
            return new SimResult(options.seed(), v.check(), report(v.getMessage()), stats);
        } catch (RuntimeException | StackOverflowError e) {
            return new SimResult(options.seed(), "CoreException", report(stackOf(e)), stats);
        } finally {
            stats.messagesDelivered = network.deliveredCount();
            stats.messagesDropped = network.droppedCount();
            stats.messagesDuplicated = network.duplicatedCount();
            stats.delivered = checkers.history().delivered().size();
        }
    }

    /** Heal everything, restart every crashed peer, then a leader must commit a fresh write everywhere. */
    private void liveness() {
        healing = true;
        trace.add(now, "liveness: heal all links, restart crashed peers, no more faults, short delays");
        networkFaults.dropRate = 0;
        networkFaults.duplicateRate = 0;
        networkFaults.staleRate = 0;
        // After GST (partial synchrony): a round trip well under a tick, so no timeout races the network.
        networkFaults.maxDelay = Math.min(networkFaults.maxDelay, SimOptions.TICK / 4);
        networkFaults.minDelay = Math.min(networkFaults.minDelay, networkFaults.maxDelay);
        network.healAll();
        Arrays.fill(slowDisk, false);
        for (SimPeer peer : peers) {
            if (!peer.isUp()) {
                restart(peer);
            }
        }
        int committedBefore = checkers.history().delivered().size();
        long maxPeriod = 0;
        for (long p : options.tickPeriods()) {
            maxPeriod = Math.max(maxPeriod, p);
        }
        long deadline = now + options.livenessTicks() * maxPeriod;
        while (now < deadline) {
            if (freshWriteEverywhere(committedBefore)) {
                return;
            }
            step();
        }
        StringBuilder s = new StringBuilder("no fresh write committed on every live peer within "
                + options.livenessTicks() + " ticks of healing; fresh writes " + freshWrites.size()
                + ", committed before healing " + committedBefore + ". Peers:");
        for (SimPeer peer : peers) {
            s.append("\n    ").append(peer);
        }
        throw new SafetyViolation("LivenessCheck", s.toString());
    }

    private boolean freshWriteEverywhere(int committedBefore) {
        for (long fresh : freshWrites) {
            boolean everywhere = true;
            for (SimPeer peer : peers) {
                if (!holds(peer.state(), fresh)) {
                    everywhere = false;
                    break;
                }
            }
            if (everywhere) {
                for (SimPeer peer : peers) {
                    if (peer.state().size() < committedBefore) {
                        throw new SafetyViolation("LivenessCheck", "peer " + peer.id() + " delivered a fresh write "
                                + "but only " + peer.state().size() + " of the " + committedBefore
                                + " txns committed before healing");
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean holds(List<Proposal> state, long zxid) {
        int lo = 0;
        int hi = state.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long z = state.get(mid).zxid();
            if (z == zxid) {
                return true;
            } else if (z < zxid) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    /** Runs the earliest due event, then every check. */
    void step() {
        long tFsync = Long.MAX_VALUE;
        SimPeer fsyncPeer = null;
        long tTick = Long.MAX_VALUE;
        SimPeer tickPeer = null;
        for (SimPeer peer : peers) {
            if (!peer.isUp()) {
                continue;
            }
            long due = peer.disk().nextFsyncDue();
            if (due < tFsync) {
                tFsync = due;
                fsyncPeer = peer;
            }
            if (nextTick[(int) peer.id()] < tTick) {
                tTick = nextTick[(int) peer.id()];
                tickPeer = peer;
            }
        }
        long tNet = network.nextDue();
        long tFault = healing ? Long.MAX_VALUE : faults.nextDue();
        long t = Math.min(Math.min(tFsync, tNet), Math.min(Math.min(tTick, nextWrite), tFault));
        now = Math.max(now, t);
        if (t == tFsync) {
            fsyncPeer.fsyncCompleted();
        } else if (t == tNet) {
            deliver(network.poll());
        } else if (t == tTick) {
            tick(tickPeer);
        } else if (t == nextWrite) {
            write();
        } else {
            faults.inject(now);
        }
        stats.steps++;
        checkers.afterStep(peers);
    }

    private void deliver(Envelope envelope) {
        PeerMessage m = envelope.message();
        SimPeer to = peer(m.to());
        if (!network.deliverable(envelope)) {
            trace.add(now, () -> "drop " + Fmt.message(m) + " (stale, link cut)");
            return;
        }
        if (!to.isUp()) {
            trace.add(now, () -> "drop " + Fmt.message(m) + " (peer down)");
            return;
        }
        trace.add(now, () -> "deliver " + Fmt.message(m) + (envelope.stale() ? " (stale)" : ""));
        to.step(envelope);
    }

    private void tick(SimPeer peer) {
        int id = (int) peer.id();
        nextTick[id] += options.tickPeriods()[id];
        stats.ticks++;
        trace.tick(now, peer.id());
        peer.tick();
    }

    private void write() {
        nextWrite = now + 1 + random.nextLong(2 * options.writeInterval());
        List<SimPeer> serving = new ArrayList<>();
        for (SimPeer peer : peers) {
            if (peer.isServing()) {
                serving.add(peer);
            }
        }
        if (serving.isEmpty()) {
            return;
        }
        SimPeer leader = serving.get(random.nextInt(serving.size()));
        if (healing && !freshWrites.isEmpty() && !needsFreshWrite(leader)) {
            return;
        }
        Proposal p = leader.write(++writeIds);
        if (p != null) {
            stats.writes++;
            if (healing) {
                freshWrites.add(p.zxid());
            }
        }
    }

    /** A fresh write is due if none was proposed in this leader's epoch (a new epoch may drop it). */
    private boolean needsFreshWrite(SimPeer leader) {
        long last = freshWrites.get(freshWrites.size() - 1);
        return Zxids.epoch(last) != leader.role().epoch();
    }

    // ---- the world as the peers and the fault injector see it

    @Override
    public long now() {
        return now;
    }

    @Override
    public void send(SimPeer from, PeerMessage message, List<Proposal> snapshot) {
        if (message.from() != from.id() || peerOrNull(message.to()) == null || message.to() == from.id()) {
            throw new SafetyViolation("ReadyContract", "peer " + from.id() + " sends " + message
                    + ": wrong sender or no such recipient");
        }
        SimNetwork.SendResult result = network.send(message, snapshot, now);
        if (result == SimNetwork.SendResult.DROPPED || result == SimNetwork.SendResult.CUT) {
            trace.add(now, () -> "drop " + Fmt.message(message) + (result == SimNetwork.SendResult.CUT
                    ? " (link cut)" : " (lost)"));
        } else if (result == SimNetwork.SendResult.DUPLICATED) {
            trace.add(now, () -> "duplicate " + Fmt.message(message));
        }
    }

    @Override
    public void fsyncQueued(SimPeer peer) {
        long latency = slowDisk[(int) peer.id()]
                ? options.slowDiskLatency() / 2 + random.nextLong(options.slowDiskLatency() / 2 + 1)
                : 1 + random.nextLong(options.diskLatency());
        peer.disk().queueFsync(now + latency);
    }

    @Override
    public Checkers checkers() {
        return checkers;
    }

    @Override
    public Trace traceLog() {
        return trace;
    }

    List<SimPeer> peers() {
        return peers;
    }

    SimNetwork network() {
        return network;
    }

    SimStats stats() {
        return stats;
    }

    void setSlowDisk(SimPeer peer, boolean slow) {
        slowDisk[(int) peer.id()] = slow;
    }

    boolean isSlowDisk(SimPeer peer) {
        return slowDisk[(int) peer.id()];
    }

    void restart(SimPeer peer) {
        trace.add(now, "restart " + peer.id() + " from " + peer.disk().describe());
        nextTick[(int) peer.id()] = now + 1 + random.nextLong(options.tickPeriods()[(int) peer.id()]);
        peer.start();
    }

    SimPeer peer(long id) {
        return peers.get((int) id - 1);
    }

    private SimPeer peerOrNull(long id) {
        return id >= 1 && id <= peers.size() ? peers.get((int) id - 1) : null;
    }

    private String report(String problem) {
        StringBuilder s = new StringBuilder();
        s.append("ZAB simulation failed: seed ").append(options.seed()).append(" at step ").append(stats.steps)
                .append(", time ").append(now).append(healing ? " (liveness phase)" : " (safety phase)")
                .append("\n  ").append(problem)
                .append("\n  replay: ").append(replayCommand())
                .append("\n  options: ").append(options.describe())
                .append("\n  peers:");
        for (SimPeer peer : peers) {
            s.append("\n    ").append(peer);
        }
        s.append("\n  trace (last ").append(trace.lines().size()).append(" of ").append(trace.count())
                .append(" lines; time, transition):");
        for (String line : trace.lines()) {
            s.append("\n  ").append(line);
        }
        return s.toString();
    }

    /** The one-line command that replays this run (with -Dpaddock.trace=true to print its trace live). */
    String replayCommand() {
        StringBuilder s = new StringBuilder("mvn -pl zab-core -am test -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dtest=ZabSimulationTest -Dpaddock.seed=").append(options.seed());
        if (options.safetySteps() != DEFAULT_STEPS) {
            s.append(" -Dpaddock.steps=").append(options.safetySteps());
        }
        if (!options.mutations().isEmpty()) {
            s.append(" -Dpaddock.mutations=").append(options.mutations().stream().map(Enum::name).sorted()
                    .collect(java.util.stream.Collectors.joining(",")));
        }
        return s.toString();
    }

    private static String stackOf(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        String[] lines = out.toString().split("\n");
        StringBuilder s = new StringBuilder("the core threw:");
        for (int i = 0; i < Math.min(lines.length, 25); i++) {
            s.append("\n    ").append(lines[i].strip());
        }
        return s.toString();
    }
}
