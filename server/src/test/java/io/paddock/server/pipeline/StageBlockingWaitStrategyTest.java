package io.paddock.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * The strategy must never lose a wake-up: with the backstop set to an hour, one missed signal
 * would hang a stage and fail the test by its timeout. Events go one at a time (each waits for
 * the last stage), so every hand-off finds the next stage asleep, the case that can go wrong.
 */
class StageBlockingWaitStrategyTest {
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private static final class Slot {
        long value;
        long seenByFirst;
    }

    @Test
    void everyHandOffBetweenThreeStagesWakesTheNextOne() {
        assertTimeoutPreemptively(Timing.scaled(Duration.ofSeconds(60)), () -> {
            Semaphore done = new Semaphore(0);
            AtomicLong lastSeen = new AtomicLong(-1);
            LongAdder orderErrors = new LongAdder();
            Disruptor<Slot> ring = new Disruptor<>(Slot::new, 64, r -> new Thread(r, "stage"),
                    ProducerType.MULTI, new StageBlockingWaitStrategy(HOUR));
            EventHandler<Slot> first = (e, seq, end) -> e.seenByFirst = e.value;
            EventHandler<Slot> second = (e, seq, end) -> {
                if (e.seenByFirst != e.value) {
                    orderErrors.increment(); // ran before the stage in front of it
                }
            };
            EventHandler<Slot> last = (e, seq, end) -> {
                lastSeen.set(e.value);
                done.release();
            };
            ring.handleEventsWith(first).then(second).then(last);
            ring.start();
            try {
                RingBuffer<Slot> buffer = ring.getRingBuffer();
                int rounds = 5_000;
                for (int i = 0; i < rounds; i++) {
                    long v = i;
                    buffer.publishEvent((e, seq) -> e.value = v);
                    done.acquire();
                }
                assertEquals(rounds - 1, lastSeen.get());
                assertEquals(0, orderErrors.sum());
            } finally {
                ring.halt();
            }
        });
    }

    @Test
    void burstsFromSeveralProducersAllArrive() {
        assertTimeoutPreemptively(Timing.scaled(Duration.ofSeconds(60)), () -> {
            LongAdder seen = new LongAdder();
            Disruptor<Slot> ring = new Disruptor<>(Slot::new, 256, r -> new Thread(r, "stage"),
                    ProducerType.MULTI, new StageBlockingWaitStrategy(HOUR));
            ring.handleEventsWith((e, seq, end) -> { })
                    .then((EventHandler<Slot>) (e, seq, end) -> seen.increment());
            ring.start();
            try {
                int producers = 3;
                int each = 20_000;
                Thread[] threads = new Thread[producers];
                for (int p = 0; p < producers; p++) {
                    threads[p] = new Thread(() -> {
                        for (int i = 0; i < each; i++) {
                            ring.getRingBuffer().publishEvent((e, seq) -> e.value = seq);
                        }
                    });
                    threads[p].start();
                }
                for (Thread t : threads) {
                    t.join();
                }
                while (seen.sum() < (long) producers * each) {
                    Thread.onSpinWait(); // bounded by the test's timeout, not a sleep
                }
                assertEquals((long) producers * each, seen.sum());
            } finally {
                ring.halt();
            }
        });
    }
}
