package io.paddock.server.ensemble.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * A few threads doing creates and setData through one client, each recording what the server
 * acknowledged: per node, the data it may hold now. A write that failed (connection loss, a
 * server gone) may or may not have happened, so its node is given up and both values count.
 * {@link #verify} then checks every acknowledged write on one server.
 *
 * <p>Thread-safe: the writers are its own threads; the rest is called from the test thread.
 */
final class WriteLoad implements AutoCloseable {
    private static final int SETS_PER_NODE = 4;

    private final ZooKeeper zk;
    private final String prefix;
    private final Map<String, Set<String>> expected = new ConcurrentHashMap<>();
    private final AtomicInteger acked = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    private WriteLoad(ZooKeeper zk, String prefix) {
        this.zk = zk;
        this.prefix = prefix;
    }

    /** Creates {@code prefix} and starts {@code writers} threads writing under it. */
    static WriteLoad start(ZooKeeper zk, String prefix, int writers) throws Exception {
        zk.create(prefix, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        WriteLoad load = new WriteLoad(zk, prefix);
        for (int t = 0; t < writers; t++) {
            int writer = t;
            Thread thread = new Thread(() -> load.write(writer), "write-load-" + t);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    int acked() {
        return acked.get();
    }

    int failed() {
        return failed.get();
    }

    /** Waits until {@code more} writes beyond those acknowledged now are acknowledged. */
    void awaitMoreAcks(int more, Duration nominal) {
        int target = acked.get() + more;
        Timing.await(nominal).until(() -> acked.get() >= target);
    }

    /** Stops the writers and waits for them. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread t : threads) {
            assertTrue(Timing.join(t, Duration.ofSeconds(30)), t.getName() + " did not stop");
        }
    }

    /** Every acknowledged write is on the server {@code reader} is connected to, after a sync. */
    void verify(ZooKeeper reader, String server) throws Exception {
        Timing.await(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            ZkClients.sync(reader, prefix);
            return true;
        });
        Set<String> children = Set.copyOf(reader.getChildren(prefix, false));
        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
            String name = e.getKey().substring(prefix.length() + 1);
            assertTrue(children.contains(name), server + " lost the acknowledged " + e.getKey());
            byte[] data = reader.getData(e.getKey(), false, null);
            assertNotNull(data, e.getKey());
            String got = new String(data, StandardCharsets.UTF_8);
            assertTrue(e.getValue().contains(got), server + ": " + e.getKey() + " holds " + got
                    + ", acknowledged was " + e.getValue());
        }
        assertEquals(expected.size(), expected.keySet().stream()
                .filter(p -> children.contains(p.substring(prefix.length() + 1))).count());
    }

    private void write(int writer) {
        for (int node = 0; !stopped; node++) {
            String path = prefix + "/w" + writer + "-" + node;
            try {
                zk.create(path, bytes("c"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException | InterruptedException e) {
                failed.incrementAndGet(); // the create may have happened: nothing to check
                continue;
            }
            expected.put(path, Set.of("c"));
            acked.incrementAndGet();
            setSeveralTimes(path, "c");
        }
    }

    private void setSeveralTimes(String path, String last) {
        for (int i = 1; i <= SETS_PER_NODE && !stopped; i++) {
            String next = "v" + i;
            try {
                zk.setData(path, bytes(next), i - 1);
            } catch (KeeperException | InterruptedException e) {
                failed.incrementAndGet();
                expected.put(path, Set.of(last, next));
                return;
            }
            expected.put(path, Set.of(next));
            acked.incrementAndGet();
            last = next;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
