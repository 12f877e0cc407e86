package io.paddock.recipes.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockClient;
import io.paddock.client.retry.RetryNTimes;
import io.paddock.recipes.atomic.AtomicValue;
import io.paddock.recipes.atomic.DistributedAtomicLong;
import io.paddock.recipes.barriers.DistributedBarrier;
import io.paddock.recipes.barriers.DistributedDoubleBarrier;
import io.paddock.recipes.naming.UniqueNameGenerator;
import io.paddock.recipes.queue.DistributedQueue;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Naming, barriers, the atomic counter and the queue, under concurrency. */
public abstract class CoordinationContract extends RecipeTestBase {
    private ExecutorService pool;

    @BeforeEach
    void threads() {
        pool = Executors.newCachedThreadPool();
        closeLater(pool::shutdownNow);
    }

    @Test
    void generatedNamesAreUniqueAcrossClientsAndGrowPerClient() throws Exception {
        Set<String> all = ConcurrentHashMap.newKeySet();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            UniqueNameGenerator names = new UniqueNameGenerator(newClient(), base + "/ids", "job-");
            workers.add(pool.submit(() -> {
                long last = -1;
                for (int i = 0; i < 25; i++) {
                    String name = names.next();
                    assertTrue(name.matches("job-\\d{10}"), name);
                    long n = Long.parseLong(name.substring(4));
                    assertTrue(n > last, "grows");
                    last = n;
                    all.add(name);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            Timing.get(f, Duration.ofSeconds(60));
        }
        assertEquals(100, all.size());
        Timing.await(WAIT).until(() -> client.getChildren().forPath(base + "/ids").isEmpty());
    }

    @Test
    void aBarrierHoldsWaitersUntilRemoved() throws Exception {
        DistributedBarrier setter = new DistributedBarrier(client, base + "/gate");
        setter.setBarrier();
        List<Future<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DistributedBarrier b = new DistributedBarrier(newClient(), base + "/gate");
            waiters.add(pool.submit(() -> b.waitOnBarrier(Timing.scaled(WAIT))));
        }
        assertFalse(new DistributedBarrier(client, base + "/gate")
                .waitOnBarrier(Duration.ofMillis(100)));
        waiters.forEach(w -> assertFalse(w.isDone()));
        setter.removeBarrier();
        for (Future<Boolean> w : waiters) {
            assertTrue(Timing.get(w, WAIT));
        }
    }

    @Test
    void aDoubleBarrierStartsAndFinishesTogether() throws Exception {
        int n = 3;
        AtomicInteger entered = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger left = new AtomicInteger();
        List<Future<Boolean>> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DistributedDoubleBarrier barrier = new DistributedDoubleBarrier(newClient(),
                    base + "/double", n);
            runs.add(pool.submit(() -> {
                entered.incrementAndGet();
                assertTrue(barrier.enter(Timing.scaled(WAIT)));
                assertEquals(n, entered.get(), "nobody passes enter early");
                inside.incrementAndGet();
                boolean out = barrier.leave(Timing.scaled(WAIT));
                assertEquals(n, inside.get(), "nobody passes leave early");
                left.incrementAndGet();
                return out;
            }));
        }
        for (Future<Boolean> r : runs) {
            assertTrue(Timing.get(r, Duration.ofSeconds(30)));
        }
        assertEquals(n, left.get());
    }

    @Test
    void concurrentIncrementsOfTheAtomicLongAreNeverLost() throws Exception {
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            DistributedAtomicLong counter = new DistributedAtomicLong(newClient(),
                    base + "/counter", new RetryNTimes(1000, Duration.ofMillis(1)));
            workers.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    AtomicValue v = counter.increment();
                    assertTrue(v.succeeded());
                    assertEquals(v.preValue() + 1, v.postValue());
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            Timing.get(f, Duration.ofSeconds(60));
        }
        DistributedAtomicLong reader = new DistributedAtomicLong(client, base + "/counter",
                new RetryNTimes(3, Duration.ofMillis(1)));
        assertEquals(100, reader.get());
        assertFalse(reader.compareAndSet(7, 8).succeeded());
        assertEquals(new AtomicValue(true, 100, 7), reader.compareAndSet(100, 7));
        assertEquals(7, reader.get());
    }

    @Test
    void theQueueIsFifoAndEachItemIsTakenOnce() throws Exception {
        DistributedQueue<String> producer = queue(client);
        for (int i = 0; i < 10; i++) {
            producer.put("item" + i);
        }
        List<String> firstFive = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            firstFive.add(producer.take(Timing.scaled(WAIT)).orElseThrow());
        }
        assertEquals(List.of("item0", "item1", "item2", "item3", "item4"), firstFive);

        Set<String> taken = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        List<Future<?>> consumers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            DistributedQueue<String> q = queue(newClient());
            consumers.add(pool.submit(() -> {
                Duration idle = Timing.scaled(Duration.ofMillis(500));
                for (Optional<String> item = q.take(idle); item.isPresent(); item = q.take(idle)) {
                    if (!taken.add(item.get())) {
                        duplicates.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (int i = 10; i < 30; i++) {
            producer.put("item" + i);
        }
        for (Future<?> f : consumers) {
            Timing.get(f, Duration.ofSeconds(60));
        }
        assertEquals(0, duplicates.get());
        Set<String> expected = new HashSet<>();
        for (int i = 5; i < 30; i++) {
            expected.add("item" + i);
        }
        assertEquals(expected, taken);
    }

    private DistributedQueue<String> queue(PaddockClient c) {
        return new DistributedQueue<>(c, base + "/queue", RecipeTestBase::bytes,
                RecipeTestBase::string);
    }
}
