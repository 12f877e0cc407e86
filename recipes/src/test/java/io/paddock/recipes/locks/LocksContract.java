package io.paddock.recipes.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.testing.Timing;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mutex, read/write lock and semaphore under contention and session expiry. */
public abstract class LocksContract extends RecipeTestBase {
    private ExecutorService pool;

    @BeforeEach
    void threads() {
        pool = Executors.newCachedThreadPool();
        closeLater(pool::shutdownNow);
    }

    @Test
    void clientsIncrementingUnderTheMutexLoseNoUpdate() throws Exception {
        String counter = client.create().forPath(base + "/counter", longBytes(0));
        int clients = 5;
        int rounds = 20;
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            PaddockClient c = newClient();
            InterProcessMutex mutex = new InterProcessMutex(c, base + "/lock");
            workers.add(pool.submit(() -> {
                for (int r = 0; r < rounds; r++) {
                    mutex.acquire();
                    try {
                        // a plain read-modify-write: only the lock keeps it from losing updates
                        long v = ByteBuffer.wrap(c.getData().forPath(counter)).getLong();
                        c.setData().forPath(counter, longBytes(v + 1));
                    } finally {
                        mutex.release();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            Timing.get(w, Duration.ofSeconds(60));
        }
        assertEquals(clients * rounds, ByteBuffer.wrap(client.getData().forPath(counter)).getLong());
        assertTrue(client.getChildren().forPath(base + "/lock").isEmpty(), "no orphan lock nodes");
    }

    @Test
    void theMutexIsReentrantAndOwnedPerThread() throws Exception {
        InterProcessMutex mutex = new InterProcessMutex(client, base + "/lock");
        mutex.acquire();
        mutex.acquire();
        assertEquals(1, mutex.participantNodes().size(), "one node for both holds");
        InterProcessMutex other = new InterProcessMutex(newClient(), base + "/lock");
        assertFalse(pool.submit(() -> other.acquire(Duration.ofMillis(200))).get());
        mutex.release();
        assertTrue(mutex.isOwnedByCurrentThread());
        mutex.release();
        assertFalse(mutex.isAcquiredInThisProcess());
        assertTrue(pool.submit(() -> other.acquire(Timing.scaled(WAIT))).get());
    }

    @Test
    void whenTheHoldersSessionExpiresTheNextWaiterGetsTheLock() throws Exception {
        Doomed holder = doomedClient();
        InterProcessMutex held = new InterProcessMutex(holder.client(), base + "/lock");
        held.acquire();
        InterProcessMutex waiting = new InterProcessMutex(newClient(), base + "/lock");
        Future<Boolean> next = pool.submit(() -> waiting.acquire(Timing.scaled(WAIT)));
        Timing.await(WAIT).until(() -> waiting.participantNodes().size() == 2);
        assertFalse(next.isDone());

        long cut = System.nanoTime();
        holder.expire();
        assertTrue(Timing.get(next, WAIT), "the waiter took over");
        Duration took = Duration.ofNanos(System.nanoTime() - cut);
        assertTrue(took.compareTo(Timing.scaled(SHORT_SESSION.multipliedBy(5))) < 0, "took " + took);
    }

    @Test
    void aReleaseWakesExactlyOneWaiter() throws Exception {
        InterProcessMutex holder = new InterProcessMutex(client, base + "/lock");
        holder.acquire();
        int n = 4;
        List<InterProcessMutex> waiters = new ArrayList<>();
        List<CompletableFuture<Void>> acquired = new ArrayList<>();
        List<CompletableFuture<Void>> release = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            InterProcessMutex m = new InterProcessMutex(newClient(), base + "/lock");
            CompletableFuture<Void> got = new CompletableFuture<>();
            CompletableFuture<Void> letGo = new CompletableFuture<>();
            pool.submit(() -> {
                m.acquire();
                got.complete(null);
                letGo.get();
                m.release();
                return null;
            });
            waiters.add(m);
            acquired.add(got);
            release.add(letGo);
            int queued = i + 2;
            Timing.await(WAIT).until(() -> holder.participantNodes().size() == queued);
        }
        holder.release();
        for (int i = 0; i < n; i++) {
            Timing.get(acquired.get(i), WAIT);
            for (int j = i + 1; j < n; j++) {
                assertFalse(acquired.get(j).isDone(), "waiter " + j + " holds too");
                assertEquals(0, waiters.get(j).wakeups(), "waiter " + j + " was woken");
            }
            assertEquals(1, waiters.get(i).wakeups(), "waiter " + i + " woken once");
            release.get(i).complete(null);
        }
    }

    @Test
    void readersShareWritersExclude() throws Exception {
        InterProcessReadWriteLock first = new InterProcessReadWriteLock(client, base + "/rw");
        InterProcessReadWriteLock second = new InterProcessReadWriteLock(newClient(), base + "/rw");
        InterProcessReadWriteLock third = new InterProcessReadWriteLock(newClient(), base + "/rw");
        ExecutorService secondThread = Executors.newSingleThreadExecutor();
        closeLater(secondThread::shutdownNow);
        first.readLock().acquire();
        assertTrue(secondThread.submit(() -> second.readLock().acquire(Timing.scaled(WAIT))).get(),
                "readers share");

        Future<Boolean> writer = pool.submit(() -> third.writeLock().acquire(Timing.scaled(WAIT)));
        Timing.await(WAIT).until(() -> first.readLock().participantNodes().size() == 3);
        InterProcessReadWriteLock late = new InterProcessReadWriteLock(newClient(), base + "/rw");
        Future<Boolean> lateReader = pool.submit(() -> late.readLock().acquire(Timing.scaled(WAIT)));
        Timing.await(WAIT).until(() -> first.readLock().participantNodes().size() == 4);

        first.readLock().release();
        assertFalse(writer.isDone(), "a reader still holds");
        secondThread.submit(() -> second.readLock().release()).get();
        assertTrue(Timing.get(writer, WAIT), "writer after the readers");
        assertFalse(lateReader.isDone(), "a reader queued behind a writer waits for it");
    }

    @Test
    void theSemaphoreGrantsAtMostMaxLeasesAndExpiredHoldersGiveThemBack() throws Exception {
        Doomed doomed = doomedClient();
        InterProcessSemaphore a = new InterProcessSemaphore(client, base + "/sem", 2);
        InterProcessSemaphore b = new InterProcessSemaphore(doomed.client(), base + "/sem", 2);
        InterProcessSemaphore c = new InterProcessSemaphore(newClient(), base + "/sem", 2);
        Lease one = a.acquire(Timing.scaled(WAIT));
        assertNotNull(b.acquire(Timing.scaled(WAIT)));
        assertNull(c.acquire(Duration.ofMillis(200)), "no third lease");

        Future<Lease> third = pool.submit(() -> c.acquire(Timing.scaled(WAIT)));
        doomed.expire();
        assertNotNull(Timing.get(third, WAIT), "the expired lease came back");
        one.close();
        assertEquals(1, a.leaseNodes().size());
        AtomicInteger granted = new AtomicInteger();
        try (Lease l = a.acquire(Timing.scaled(WAIT))) {
            granted.incrementAndGet();
            assertEquals(2, a.leaseNodes().size());
        }
        assertEquals(1, granted.get());
    }

    static byte[] longBytes(long v) {
        return ByteBuffer.allocate(Long.BYTES).putLong(v).array();
    }
}
