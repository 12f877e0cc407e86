package io.paddock.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.ServerHooks;
import io.paddock.server.config.LimitsConfig;
import io.paddock.server.testing.FourLetterClient;
import io.paddock.server.testing.GatedTxnLog;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * globalOutstandingLimit: with the log held, the rings take no more than the limit of client
 * requests however large they are; the flooding connection stops being read instead, and
 * once the log moves every request is answered, in order, none dropped.
 */
class GlobalOutstandingLimitTest {
    private static final int LIMIT = 20;
    private static final int FLOOD = 500;
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void requestsBeyondTheLimitWaitUnreadAndAllAreAnswered() throws Exception {
        AtomicReference<GatedTxnLog> gate = new AtomicReference<>();
        try (PaddockTestingServer server = PaddockTestingServer.builder()
                .limits(LimitsConfig.DEFAULTS.withGlobalOutstandingLimit(LIMIT))
                .hooks(ServerHooks.NONE.withTxnLog(log -> {
                    gate.set(new GatedTxnLog(log));
                    return gate.get();
                })).start()) {
            ZooKeeper zk = new ZooKeeper(server.connectString(), 60_000, e -> { });
            Timing.await(BOUND).until(() -> zk.getState().isConnected());
            zk.create("/flood", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            gate.get().hold();
            List<Integer> answered = new ArrayList<>();
            List<Integer> codes = new ArrayList<>();
            CountDownLatch allAnswered = new CountDownLatch(FLOOD);
            for (int i = 0; i < FLOOD; i++) {
                zk.create("/flood/n" + i, new byte[16], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT, (rc, path, ctx, name) -> {
                            answered.add((Integer) ctx); // the client's one event thread
                            codes.add(rc);
                            allAnswered.countDown();
                        }, i);
            }
            try {
                Timing.await(BOUND).untilAsserted(() -> {
                    assertTrue(gate.get().holdingAFlush());
                    Map<String, String> m = FourLetterClient.mntr(server.port());
                    assertEquals("1", m.get("zk_paddock_paused_connections"), m::toString);
                    assertTrue(Long.parseLong(m.get("zk_paddock_request_ring_depth")) <= LIMIT, m::toString);
                });
                Map<String, String> m = FourLetterClient.mntr(server.port());
                assertTrue(Long.parseLong(m.get("zk_paddock_request_ring_depth"))
                        + Long.parseLong(m.get("zk_paddock_commit_ring_depth")) <= LIMIT, m::toString);
            } finally {
                gate.get().release();
            }

            assertTrue(Timing.latch(allAnswered, Duration.ofSeconds(60)), "every request answered");
            List<Integer> inOrder = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                inOrder.add(i);
            }
            assertEquals(inOrder, answered);
            assertTrue(codes.stream().allMatch(rc -> rc == 0), codes::toString);
            assertEquals(FLOOD, zk.exists("/flood", false).getNumChildren());
            zk.close();
        }
    }
}
