package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.Test;

/** Curator 5.9's framework and recipes, unchanged, on top of the server. */
abstract class CuratorContract extends CompatTestBase {
    private static final Duration WAIT = EventRecorder.WAIT;

    private CuratorFramework curator() throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(server.connectString())
                .sessionTimeoutMs(SESSION_TIMEOUT)
                .connectionTimeoutMs(SESSION_TIMEOUT)
                .retryPolicy(new RetryOneTime(100))
                .build();
        client.start();
        track(client::close);
        assertTrue(client.blockUntilConnected((int) Timing.scaled(WAIT).toMillis(), TimeUnit.MILLISECONDS));
        return client;
    }

    @Test
    void crud() throws Exception {
        CuratorFramework client = curator();
        client.create().creatingParentsIfNeeded().forPath("/a/b/c", bytes("v1"));
        assertArrayEquals(bytes("v1"), client.getData().forPath("/a/b/c"));
        client.setData().withVersion(0).forPath("/a/b/c", bytes("v2"));
        assertArrayEquals(bytes("v2"), client.getData().forPath("/a/b/c"));
        assertEquals(List.of("b"), client.getChildren().forPath("/a"));
        String seq = client.create().withMode(CreateMode.EPHEMERAL_SEQUENTIAL).forPath("/a/s-");
        assertTrue(seq.matches("/a/s-\\d{10}"), seq);

        client.delete().deletingChildrenIfNeeded().forPath("/a");
        assertNull(client.checkExists().forPath("/a"));
    }

    @Test
    void mutexLosesNoIncrement() throws Exception {
        int clients = 4;
        int incrementsEach = 10;
        curator().create().forPath("/counter", bytes("0"));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                CuratorFramework client = curator();
                InterProcessMutex mutex = new InterProcessMutex(client, "/locks/counter");
                done.add(pool.submit(incrementer(client, mutex, incrementsEach)));
            }
            for (Future<Void> future : done) {
                Timing.get(future, Duration.ofSeconds(60));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(String.valueOf(clients * incrementsEach), text(curator().getData().forPath("/counter")));
    }

    private static Callable<Void> incrementer(CuratorFramework client, InterProcessMutex mutex, int times) {
        return () -> {
            for (int i = 0; i < times; i++) {
                assertTrue(mutex.acquire(Timing.scaled(WAIT).toMillis(), TimeUnit.MILLISECONDS),
                        "lock not acquired");
                try {
                    int value = Integer.parseInt(text(client.getData().forPath("/counter")));
                    // Unconditional write: only the lock stands between us and a lost update.
                    client.setData().forPath("/counter", bytes(String.valueOf(value + 1)));
                } finally {
                    mutex.release();
                }
            }
            return null;
        };
    }

    @Test
    void leaderLatchElectsExactlyOneAndFailsOver() throws Exception {
        List<LeaderLatch> latches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LeaderLatch latch = new LeaderLatch(curator(), "/election", "p" + i);
            latch.start();
            latches.add(latch);
        }
        Timing.await(WAIT).until(() -> latches.stream().filter(LeaderLatch::hasLeadership).count() == 1);
        LeaderLatch leader = latches.stream().filter(LeaderLatch::hasLeadership).findFirst().orElseThrow();
        assertEquals(leader.getId(), latches.get(0).getLeader().getId());

        leader.close();
        latches.remove(leader);

        Timing.await(WAIT).until(() -> latches.stream().filter(LeaderLatch::hasLeadership).count() == 1);
        for (LeaderLatch latch : latches) {
            latch.close();
        }
    }

    @Test
    void curatorCacheSeesAddsChangesAndRemoves() throws Exception {
        CuratorFramework client = curator();
        client.create().forPath("/cache");
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        CuratorCache cache = CuratorCache.build(client, "/cache");
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreates(node -> events.add("created " + node.getPath()))
                .forChanges((before, after) -> events.add("changed " + after.getPath() + " " + text(after.getData())))
                .forDeletes(node -> events.add("deleted " + node.getPath()))
                .build());
        CountingInit initialized = new CountingInit();
        cache.listenable().addListener(CuratorCacheListener.builder().forInitialized(initialized).build());
        cache.start();
        track(cache::close);
        Timing.await(WAIT).until(initialized::done);
        assertEquals("created /cache", Timing.poll(events, WAIT));

        client.create().forPath("/cache/x", bytes("1"));
        assertEquals("created /cache/x", Timing.poll(events, WAIT));
        client.setData().forPath("/cache/x", bytes("2"));
        assertEquals("changed /cache/x 2", Timing.poll(events, WAIT));
        client.delete().forPath("/cache/x");
        assertEquals("deleted /cache/x", Timing.poll(events, WAIT));
        assertNotNull(cache.get("/cache").orElse(null));
    }

    /** Records that the cache finished its first load; called from Curator's thread. */
    private static final class CountingInit implements Runnable {
        private volatile boolean done;

        @Override
        public void run() {
            done = true;
        }

        boolean done() {
            return done;
        }
    }
}
