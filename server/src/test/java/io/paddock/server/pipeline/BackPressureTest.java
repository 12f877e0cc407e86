package io.paddock.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import io.paddock.server.ServerHooks;
import io.paddock.server.testing.FourLetterClient;
import io.paddock.server.testing.GatedTxnLog;
import io.paddock.server.testing.PaddockTestingServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client that floods the server with writes while the log is slow must not stall anyone
 * else: its connection stops being read instead of its I/O thread blocking on the full request
 * ring, every other session sharing that thread is still answered, and every flooded write is
 * answered once the log catches up, in order.
 */
class BackPressureTest {
    private static final int RING = 8;
    private static final int FLOOD = 2000;
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final List<ZooKeeper> clients = new ArrayList<>();

    @AfterEach
    void closeClients() throws InterruptedException {
        for (ZooKeeper zk : clients) {
            zk.close();
        }
    }

    private ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        // Long enough that a flooder nobody reads for a few seconds keeps its session.
        ZooKeeper zk = new ZooKeeper(connectString, 60_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        clients.add(zk);
        assertTrue(connected.await(BOUND.toSeconds(), TimeUnit.SECONDS), "connected");
        return zk;
    }

    private static long metric(int port, String key) throws Exception {
        Map<String, String> m = FourLetterClient.mntr(port);
        assertTrue(m.containsKey(key), () -> key + " missing from " + m);
        return Long.parseLong(m.get(key));
    }

    @Test
    void aFlooderIsPausedOthersAreServedAndItsWritesAllLandInOrder() throws Exception {
        AtomicReference<GatedTxnLog> gate = new AtomicReference<>();
        try (PaddockTestingServer server = PaddockTestingServer.builder()
                .pipelineRingSize(RING)
                .hooks(ServerHooks.NONE.withTxnLog(log -> {
                    gate.set(new GatedTxnLog(log));
                    return gate.get();
                })).start()) {
            // One more observer than there are I/O threads: one of them shares the flooder's.
            int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
            List<ZooKeeper> observers = new ArrayList<>();
            for (int i = 0; i <= ioThreads; i++) {
                observers.add(connect(server.connectString()));
            }
            ZooKeeper flooder = connect(server.connectString());
            flooder.create("/flood", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            gate.get().hold();
            List<Integer> answered = new ArrayList<>();
            List<Integer> codes = new ArrayList<>();
            CountDownLatch allAnswered = new CountDownLatch(FLOOD);
            for (int i = 0; i < FLOOD; i++) {
                flooder.create("/flood/n" + i, new byte[16], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT, (rc, path, ctx, name) -> {
                            // The client's one event thread: no lock needed for the lists.
                            answered.add((Integer) ctx);
                            codes.add(rc);
                            allAnswered.countDown();
                        }, i);
            }
            try {
                Timing.await(BOUND).untilAsserted(() -> {
                    assertTrue(gate.get().holdingAFlush());
                    Map<String, String> m = FourLetterClient.mntr(server.port());
                    assertEquals(String.valueOf(RING), m.get("zk_paddock_request_ring_depth"));
                    assertTrue(Long.parseLong(m.get("zk_paddock_read_pauses")) > 0, m::toString);
                    assertEquals("1", m.get("zk_paddock_paused_connections"), m::toString);
                });

                for (ZooKeeper observer : observers) {
                    CompletableFuture<byte[]> data = new CompletableFuture<>();
                    observer.getData("/", false, (rc, path, ctx, bytes, stat) ->
                            data.complete(bytes), null);
                    assertArrayEquals(new byte[0], data.get(BOUND.toSeconds(), TimeUnit.SECONDS),
                            "a read of another session is answered while the flooder waits");
                }
            } finally {
                gate.get().release();
            }

            assertTrue(allAnswered.await(60, TimeUnit.SECONDS), "every flooded write answered");
            List<Integer> inOrder = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                inOrder.add(i);
            }
            assertEquals(inOrder, answered);
            assertTrue(codes.stream().allMatch(rc -> rc == 0), codes::toString);
            assertEquals(FLOOD, flooder.exists("/flood", false).getNumChildren());
            Timing.await(BOUND).untilAsserted(() -> {
                assertEquals(0, metric(server.port(), "zk_paddock_paused_connections"));
                assertEquals(0, metric(server.port(), "zk_paddock_commit_lag"));
            });
        }
    }
}
