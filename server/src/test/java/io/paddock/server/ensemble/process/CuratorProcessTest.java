package io.paddock.server.ensemble.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.testing.ProcessEnsemble;
import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Curator 5.9.0 recipes on three child-JVM servers across a kill -9 of the leader: three
 * processes' worth of clients (one CuratorFramework each) run a LeaderLatch and take turns on an
 * InterProcessMutex.
 */
class CuratorProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CLIENTS = 3;

    private final List<CuratorFramework> clients = new ArrayList<>();
    private final List<LeaderLatch> latches = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private ProcessEnsemble ensemble;

    /** Clients first, while their servers still answer; then the servers. */
    @AfterEach
    void closeAll() {
        stop.set(true);
        latches.forEach(CuratorProcessTest::closeQuietly);
        clients.forEach(CuratorFramework::close);
        if (ensemble != null) {
            ensemble.close();
        }
    }

    @Test
    void aLeaderLatchAndAMutexEndWithExactlyOneHolderAcrossALeaderKill() throws Exception {
        List<Thread> workers = new ArrayList<>();
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger mostHolders = new AtomicInteger();
        AtomicInteger turns = new AtomicInteger();
        ensemble = ProcessEnsemble.start("curator", 3, 0, 250);
        for (int i = 0; i < CLIENTS; i++) {
            CuratorFramework c = CuratorFrameworkFactory.builder()
                    .connectString(ensemble.connectString())
                    .sessionTimeoutMs(ZkClients.SESSION_TIMEOUT_MS).connectionTimeoutMs(3000)
                    .retryPolicy(new ExponentialBackoffRetry(50, 10, 500)).build();
            clients.add(c);
            c.start();
            assertTrue(c.blockUntilConnected((int) Timing.scaled(WAIT).toMillis(),
                    TimeUnit.MILLISECONDS));
            LeaderLatch latch = new LeaderLatch(c, "/latch", "p" + i);
            latches.add(latch);
            latch.start();
            InterProcessMutex mutex = new InterProcessMutex(c, "/mutex");
            Thread t = new Thread(() -> takeTurns(mutex, stop, holders, mostHolders, turns),
                    "mutex-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        awaitOneLeader(latches);
        awaitMoreTurns(turns, 20);

        long leader = ensemble.awaitLeader();
        ensemble.kill(leader);
        assertNotEquals(leader, ensemble.awaitLeader());
        awaitMoreTurns(turns, 20);
        stop.set(true);
        for (Thread t : workers) {
            assertTrue(Timing.join(t, WAIT), t.getName() + " stopped");
        }

        assertEquals(1, mostHolders.get(), "the mutex had one holder at a time");
        LeaderLatch holder = awaitOneLeader(latches);
        for (LeaderLatch l : latches) {
            Timing.await(WAIT).ignoreExceptions()
                    .until(() -> l.getLeader().getId().equals(holder.getId()));
        }
        assertEquals(CLIENTS, clients.get(0).getChildren().forPath("/latch").size(),
                "one latch node per participant, none left over from the failover");
    }

    /** Waits until exactly one latch holds leadership, and returns it. */
    private static LeaderLatch awaitOneLeader(List<LeaderLatch> latches) {
        Timing.await(WAIT).until(() ->
                latches.stream().filter(LeaderLatch::hasLeadership).count() == 1);
        return latches.stream().filter(LeaderLatch::hasLeadership).findFirst().orElseThrow();
    }

    private static void awaitMoreTurns(AtomicInteger turns, int more) {
        int target = turns.get() + more;
        Timing.await(WAIT).until(() -> turns.get() >= target);
    }

    private static void takeTurns(InterProcessMutex mutex, AtomicBoolean stop,
            AtomicInteger holders, AtomicInteger mostHolders, AtomicInteger turns) {
        while (!stop.get()) {
            try {
                if (!mutex.acquire(1, TimeUnit.SECONDS)) {
                    continue;
                }
            } catch (Exception e) {
                continue; // connection trouble: try again
            }
            try {
                mostHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                turns.incrementAndGet();
                holders.decrementAndGet();
            } finally {
                releaseQuietly(mutex);
            }
        }
    }

    private static void closeQuietly(LeaderLatch latch) {
        try {
            latch.close();
        } catch (Exception e) {
            // already closed, or its client is gone with the ensemble
        }
    }

    private static void releaseQuietly(InterProcessMutex mutex) {
        try {
            mutex.release();
        } catch (Exception e) {
            // Curator deletes the lock node in the background (a guaranteed delete)
        }
    }
}
