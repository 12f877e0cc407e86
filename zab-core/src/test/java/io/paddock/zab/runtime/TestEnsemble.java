package io.paddock.zab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.Proposal;
import io.paddock.zab.Zxids;
import io.paddock.zab.quorum.MajorityQuorum;
import io.paddock.zab.transport.LoopbackPorts;
import io.paddock.zab.transport.PeerAddress;
import io.paddock.zab.transport.TransportConfig;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process peers on 127.0.0.1, each with a file txn log and epoch store in its own directory:
 * voters {@code 1..v}, observers after them. Waits go through {@link Timing}.
 */
final class TestEnsemble implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Map<Long, TestNode> nodes = new TreeMap<>();
    private final AtomicLong writes = new AtomicLong();

    TestEnsemble(Path root, int voters, int observers) {
        Map<Long, PeerAddress> addresses = LoopbackPorts.ensemble(voters + observers);
        Set<Long> voterIds = new TreeSet<>();
        Set<Long> observerIds = new TreeSet<>();
        for (long id = 1; id <= voters + observers; id++) {
            (id <= voters ? voterIds : observerIds).add(id);
        }
        MajorityQuorum quorum = new MajorityQuorum(voterIds);
        for (long id : addresses.keySet()) {
            // 10 ms ticks: elections re-send every 100 ms, initLimit 3 s, syncLimit 1 s (both
            // stretched on a slow machine, so a stall there is not taken for a crash), pings
            // every 50 ms; more than 50 txns behind is worth a SNAP.
            PeerConfig peer = new PeerConfig(id, quorum, observerIds, 10, 2, ticks(3000),
                    ticks(1000), 5, Zxids.MAX_PART - 1, 50, Set.of());
            TransportConfig transport = TransportConfig.of(id, addresses)
                    .withReconnect(Duration.ofMillis(20), Duration.ofMillis(200));
            nodes.put(id, new TestNode(id, root.resolve("server" + id), peer, transport));
        }
    }

    /** Ticks of {@link TestNode#TICK} in {@code millis}, stretched by the timing factor. */
    private static int ticks(long millis) {
        return (int) (Timing.scaled(Duration.ofMillis(millis)).toMillis() / TestNode.TICK.toMillis());
    }

    TestNode node(long id) {
        return nodes.get(id);
    }

    Collection<TestNode> nodes() {
        return nodes.values();
    }

    List<TestNode> up() {
        return nodes.values().stream().filter(TestNode::isUp).toList();
    }

    void startAll() {
        nodes.values().forEach(TestNode::start);
    }

    /** Waits for a serving leader that every running voter follows, and returns it. */
    TestNode awaitLeader() {
        TestNode[] found = new TestNode[1];
        Timing.await(WAIT).until(() -> {
            found[0] = leaderFollowedByAll();
            return found[0] != null;
        });
        return found[0];
    }

    private TestNode leaderFollowedByAll() {
        TestNode leader = null;
        for (TestNode n : up()) {
            if (n.isServing()) {
                if (leader != null) {
                    return null;
                }
                leader = n;
            }
        }
        if (leader == null) {
            return null;
        }
        for (TestNode n : up()) {
            var role = n.runtime().role();
            if (role.leader() != leader.id || role.epoch() != leader.runtime().role().epoch()
                    || role.phase() != io.paddock.zab.Phase.BROADCAST) {
                return null;
            }
        }
        return leader;
    }

    /** {@code count} proposals submitted to {@code leader} at once, each with unique data. */
    List<CompletableFuture<Long>> submit(TestNode leader, int count) {
        List<CompletableFuture<Long>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            futures.add(leader.runtime().submit(1, data(writes.incrementAndGet())));
        }
        return futures;
    }

    /** Submits {@code count} proposals to the leader and waits until all are committed. */
    List<Long> commit(TestNode leader, int count) {
        List<CompletableFuture<Long>> futures = submit(leader, count);
        Timing.await(WAIT).until(() -> futures.stream().allMatch(CompletableFuture::isDone));
        return futures.stream().map(CompletableFuture::join).toList();
    }

    /** Waits until every running peer applied exactly what {@code reference} applied. */
    void awaitAllAgree(TestNode reference) {
        Timing.await(WAIT).until(() -> up().stream()
                .allMatch(n -> n.lastApplied() == reference.lastApplied()));
        List<Proposal> expected = reference.applied();
        for (TestNode n : up()) {
            assertEquals(expected, n.applied(), "node " + n.id + " applied what node "
                    + reference.id + " applied");
            assertTrue(n.runtime().failure().isEmpty(), () -> "node " + n.id + " failed: "
                    + n.runtime().failure().get());
        }
    }

    static byte[] data(long n) {
        return ByteBuffer.allocate(8).putLong(n).array();
    }

    @Override
    public void close() {
        nodes.values().forEach(TestNode::crash);
    }

    @Override
    public String toString() {
        return nodes.values().toString();
    }
}
