package io.paddock.zab.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.paddock.zab.Mutation;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Ready;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.ZxidSequence;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Snap;
import io.paddock.zab.quorum.MajorityQuorum;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A small deterministic ensemble for tests: a few {@link TestPeer}s, one FIFO queue per ordered
 * pair, manual or settle-until-quiet delivery, crashes, restarts and isolation. After every
 * settle it checks that the applied sequences of any two peers are prefixes of one another.
 * The fault-injecting simulator lives elsewhere; this only drives named scenarios.
 *
 * <p>Not thread-safe.
 */
public final class TestCluster {
    private final Map<Long, TestPeer> peers = new TreeMap<>();
    private final Map<List<Long>, ArrayDeque<PeerMessage>> queues = new TreeMap<>(
            (a, b) -> a.get(0).equals(b.get(0)) ? a.get(1).compareTo(b.get(1))
                    : a.get(0).compareTo(b.get(0)));
    private final Set<Long> isolated = new HashSet<>();
    private final Map<PeerMessage, List<Proposal>> snapshots = new IdentityHashMap<>();
    private final Map<Long, ZxidSequence> sequences = new HashMap<>();
    private final List<PeerMessage> delivered = new ArrayList<>();
    private int written;
    private List<Proposal> longest = List.of();
    private boolean batching;

    private TestCluster() {
    }

    /** {@code voters} voting peers (ids 1..n) and {@code observers} observers after them. */
    public static TestCluster of(int voters, int observers, UnaryOperator<PeerConfig> tweak) {
        TestCluster cluster = new TestCluster();
        Set<Long> voterIds = new TreeSet<>();
        Set<Long> observerIds = new TreeSet<>();
        for (long id = 1; id <= voters; id++) {
            voterIds.add(id);
        }
        for (long id = voters + 1; id <= voters + observers; id++) {
            observerIds.add(id);
        }
        MajorityQuorum quorum = new MajorityQuorum(voterIds);
        Set<Long> all = new TreeSet<>(voterIds);
        all.addAll(observerIds);
        for (long id : all) {
            PeerConfig config = tweak.apply(PeerConfig.defaults(id, quorum, observerIds));
            cluster.peers.put(id, new TestPeer(id, config));
        }
        return cluster;
    }

    public static TestCluster of(int voters) {
        return of(voters, 0, c -> c);
    }

    /** A config like {@code c} with other mutations. */
    public static PeerConfig withMutations(PeerConfig c, Set<Mutation> mutations) {
        return new PeerConfig(c.myId(), c.quorum(), c.observers(), c.electionTimeoutTicks(),
                c.finalizeWaitTicks(), c.initLimitTicks(), c.syncLimitTicks(),
                c.pingIntervalTicks(), c.maxCounter(), c.maxDiffTxns(), mutations);
    }

    /** A config like {@code c} with another maxCounter and maxDiffTxns. */
    public static PeerConfig withLimits(PeerConfig c, long maxCounter, int maxDiffTxns) {
        return new PeerConfig(c.myId(), c.quorum(), c.observers(), c.electionTimeoutTicks(),
                c.finalizeWaitTicks(), c.initLimitTicks(), c.syncLimitTicks(),
                c.pingIntervalTicks(), maxCounter, maxDiffTxns, c.mutations());
    }

    public TestPeer peer(long id) {
        return peers.get(id);
    }

    public List<TestPeer> peers() {
        return List.copyOf(peers.values());
    }

    /** Boots the given peers only. */
    public TestCluster start(long... ids) {
        for (long id : ids) {
            boot(peers.get(id));
        }
        return this;
    }

    /** Boots every peer that is down. */
    public TestCluster startAll() {
        for (TestPeer p : peers.values()) {
            if (!p.up) {
                boot(p);
            }
        }
        return this;
    }

    public void boot(TestPeer p) {
        p.boot();
        drain(p);
    }

    /** Crashes a peer: it loses its memory and what its log had not flushed; its mail is lost. */
    public void crash(long id) {
        TestPeer p = peers.get(id);
        p.up = false;
        p.log.crash();
        queues.entrySet().removeIf(e -> e.getKey().contains(id));
    }

    public void restart(long id) {
        boot(peers.get(id));
    }

    /** Cuts a peer off: messages to and from it are lost until {@link #heal()}. */
    public void isolate(long id) {
        isolated.add(id);
    }

    public void heal() {
        isolated.clear();
    }

    /** Every message delivered so far, in delivery order. */
    public List<PeerMessage> delivered() {
        return List.copyOf(delivered);
    }

    /** Delivered messages of one type to one peer. */
    public <T extends PeerMessage> List<T> deliveredTo(long id, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (PeerMessage m : delivered) {
            if (m.to() == id && type.isInstance(m)) {
                out.add(type.cast(m));
            }
        }
        return out;
    }

    /** Ticks every live peer once, without delivering messages. */
    public void tickOnce() {
        for (TestPeer p : peers.values()) {
            if (p.up) {
                p.peer.tick();
                drain(p);
            }
        }
    }

    /** {@code ticks} times: tick everyone, then deliver until quiet. */
    public void run(int ticks) {
        for (int i = 0; i < ticks; i++) {
            tickOnce();
            settle();
        }
    }

    /** Delivers queued messages, round-robin over the pairs, until none is left. */
    public void settle() {
        for (int round = 0; round < 1_000_000; round++) {
            drainAll();
            boolean any = false;
            for (Map.Entry<List<Long>, ArrayDeque<PeerMessage>> e : List.copyOf(queues.entrySet())) {
                PeerMessage m = e.getValue().poll();
                if (m != null) {
                    any = true;
                    deliver(m);
                }
            }
            if (!any) {
                drainAll();
                if (queues.values().stream().allMatch(ArrayDeque::isEmpty)) {
                    checkAgreement();
                    return;
                }
            }
        }
        fail("the cluster did not settle; last messages: "
                + delivered.subList(Math.max(0, delivered.size() - 12), delivered.size()) + "\n" + peers.values());
    }

    /** Delivers the oldest queued message from {@code from} to {@code to}; false if none. */
    public boolean deliverOne(long from, long to) {
        ArrayDeque<PeerMessage> q = queues.get(List.of(from, to));
        PeerMessage m = q == null ? null : q.poll();
        if (m != null) {
            deliver(m);
        }
        return m != null;
    }

    /**
     * Delivers the head of a random non-empty queue (a random interleaving); with {@code dupPercent}
     * chance it stays queued to be delivered again. Returns false if nothing was queued.
     */
    public boolean deliverRandom(java.util.random.RandomGenerator random, int dupPercent) {
        List<ArrayDeque<PeerMessage>> nonEmpty = queues.values().stream().filter(q -> !q.isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return false;
        }
        ArrayDeque<PeerMessage> q = nonEmpty.get(random.nextInt(nonEmpty.size()));
        PeerMessage m = random.nextInt(100) < dupPercent ? q.peek() : q.poll();
        deliver(m);
        return true;
    }

    /** Queues a copy of a random queue's head at its tail: a duplicate arriving later. */
    public void duplicateLater(java.util.random.RandomGenerator random) {
        List<ArrayDeque<PeerMessage>> nonEmpty = queues.values().stream().filter(q -> !q.isEmpty()).toList();
        if (!nonEmpty.isEmpty()) {
            ArrayDeque<PeerMessage> q = nonEmpty.get(random.nextInt(nonEmpty.size()));
            q.add(q.peek());
        }
    }

    /** Loses the head of a random non-empty queue. */
    public void dropRandom(java.util.random.RandomGenerator random) {
        List<ArrayDeque<PeerMessage>> nonEmpty = queues.values().stream().filter(q -> !q.isEmpty()).toList();
        if (!nonEmpty.isEmpty()) {
            nonEmpty.get(random.nextInt(nonEmpty.size())).poll();
        }
    }

    /** Drops every queued message from {@code from} to {@code to}. */
    public void dropQueued(long from, long to) {
        queues.remove(List.of(from, to));
    }

    public List<PeerMessage> queued(long from, long to) {
        ArrayDeque<PeerMessage> q = queues.get(List.of(from, to));
        return q == null ? List.of() : List.copyOf(q);
    }

    /** Runs until one leader serves and every live peer serves under it; fails after maxTicks. */
    public TestPeer awaitStable(int maxTicks) {
        settle();
        for (int i = 0; i < maxTicks; i++) {
            TestPeer leader = stableLeader();
            if (leader != null) {
                return leader;
            }
            run(1);
        }
        fail("no stable leader after " + maxTicks + " ticks: " + peers.values());
        return null;
    }

    /** The serving leader if every live peer serves under it, else null. */
    public TestPeer stableLeader() {
        TestPeer leader = null;
        for (TestPeer p : peers.values()) {
            if (p.up && p.peer.role() == Role.LEADING && p.peer.phase() == Phase.BROADCAST) {
                if (leader != null) {
                    return null;
                }
                leader = p;
            }
        }
        if (leader == null) {
            return null;
        }
        for (TestPeer p : peers.values()) {
            if (p.up && (p.peer.phase() != Phase.BROADCAST || p.peer.leader() != leader.id)) {
                return null;
            }
        }
        return leader;
    }

    /** Proposes a txn on {@code leader}; returns its zxid, or -1 if its counter is used up. */
    public long propose(TestPeer leader, String payload) {
        drain(leader);
        long zxid = sequences.get(leader.id).next();
        if (zxid < 0) {
            return -1;
        }
        leader.peer.propose(new Proposal(zxid, 1, payload.getBytes(StandardCharsets.UTF_8)));
        drain(leader);
        return zxid;
    }

    /** Proposes {@code count} txns on the stable leader and delivers until quiet. */
    public List<Long> write(int count) {
        TestPeer leader = stableLeader();
        assertTrue(leader != null, "a stable leader to write to: " + peers.values());
        List<Long> zxids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            zxids.add(propose(leader, "txn-" + written++));
        }
        settle();
        return zxids;
    }

    /** Performs every pending Ready of {@code p} as a runtime would. */
    public void drain(TestPeer p) {
        while (p.up && p.peer.hasReady()) {
            Ready ready = p.peer.ready();
            p.applyDiskAndCommits(ready);
            for (PeerMessage m : ready.messages()) {
                if (m instanceof Snap snap) {
                    snapshots.put(m, p.applied.stream().filter(t -> t.zxid() <= snap.zxid()).toList());
                }
                queues.computeIfAbsent(List.of(m.from(), m.to()), k -> new ArrayDeque<>()).add(m);
            }
            for (Proposal t : ready.toCommit()) {
                long last = p.applied.isEmpty() ? 0 : p.applied.get(p.applied.size() - 1).zxid();
                assertTrue(t.zxid() > last, "peer " + p.id + " applies in zxid order: " + t);
                p.applied.add(t);
            }
            if (ready.roleChange() != null) {
                onRoleChange(p, ready.roleChange());
            }
            p.peer.advance();
            if (ready.snapshotToLoad() >= 0) {
                p.peer.snapshotInstalled(ready.snapshotToLoad());
            }
            if (p.autoFlush && p.log.hasUnflushed()) {
                p.peer.persisted(p.log.flush());
            }
        }
    }

    /** Makes {@code id}'s written txns durable and tells its core. */
    public void flush(long id) {
        TestPeer p = peers.get(id);
        p.peer.persisted(p.log.flush());
        drain(p);
    }

    private void onRoleChange(TestPeer p, RoleChange change) {
        p.roleChanges.add(change);
        if (change.role() == Role.LEADING && change.phase() == Phase.BROADCAST) {
            sequences.computeIfAbsent(p.id, k -> new ZxidSequence(p.config.maxCounter()))
                    .establish(change.epoch(), p.log.lastWritten());
        }
    }

    private void deliver(PeerMessage m) {
        TestPeer to = peers.get(m.to());
        if (!to.up || isolated.contains(m.to()) || isolated.contains(m.from())) {
            return;
        }
        delivered.add(m);
        if (m instanceof Snap) {
            to.incomingSnapshot = snapshots.get(m);
        }
        to.peer.step(m);
        if (!batching) {
            drain(to);
        }
    }

    /**
     * While on, delivered messages are not followed by the receiver's Ready: several inputs pile
     * up in one Ready, as a runtime that batches would see them. {@link #drainAll()} performs them.
     */
    public void batching(boolean on) {
        batching = on;
    }

    public void drainAll() {
        for (TestPeer p : peers.values()) {
            drain(p);
        }
    }

    /** No hole (ZOOKEEPER-4925, 4882): whatever a peer applied is in its snapshot or durable log. */
    private static void checkAppliedAreDurable(TestPeer p) {
        Set<Long> held = new HashSet<>();
        p.snapshot.forEach(t -> held.add(t.zxid()));
        p.log.durableTxns().forEach(t -> held.add(t.zxid()));
        for (Proposal t : p.applied) {
            if (!held.contains(t.zxid()) && t.zxid() > p.log.base()) {
                fail("peer " + p.id + " applied " + t + " that is not durable there\n" + p);
            }
        }
    }

    /**
     * Agreement and total order: every applied sequence, of every peer in every life, is a prefix
     * of one sequence (the longest seen so far).
     */
    public void checkAgreement() {
        for (TestPeer p : peers.values()) {
            List<Proposal> mine = p.applied;
            int n = Math.min(mine.size(), longest.size());
            for (int i = 0; i < n; i++) {
                if (!mine.get(i).equals(longest.get(i))) {
                    fail("peer " + p.id + " disagrees at position " + i + ": " + mine.get(i)
                            + " vs " + longest.get(i) + " applied before\n" + p);
                }
            }
            if (mine.size() > longest.size()) {
                longest = List.copyOf(mine);
            }
            if (p.up) {
                checkAppliedAreDurable(p);
            }
        }
    }
}
