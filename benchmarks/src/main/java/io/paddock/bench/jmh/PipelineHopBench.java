package io.paddock.bench.jmh;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pipeline hop: one thread publishes requests, another handles them, as between two stages
 * of Paddock's request rings. A Disruptor ring (the server's tool) against its BlockingQueue
 * twin (an ArrayBlockingQueue and a consumer thread, ZooKeeper's processor-chain shape). Each
 * invocation publishes a batch and waits until the handler has seen all of it, so the figure
 * is the time per hop including the hand-over, not just the enqueue.
 *
 * <p>JMH state: one instance per benchmark thread; the handler threads live for a trial. On two
 * shared cores the busy-spin and yielding strategies compete with the publisher, so expect
 * noise.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineHopBench {
    private static final int BATCH = 1_000;
    private static final int RING = 1 << 14;
    private static final long STOP = Long.MIN_VALUE;

    /** The ring's event: a small mutable holder, reused. */
    public static final class Slot {
        long value;
    }

    private Disruptor<Slot> disruptor;
    private RingBuffer<Slot> ring;
    private final AtomicLong ringSeen = new AtomicLong();
    private BlockingQueue<Long> queue;
    private Thread queueConsumer;
    private final AtomicLong queueSeen = new AtomicLong();
    private long published;

    @Setup(Level.Trial)
    public void setUp() {
        disruptor = new Disruptor<>(Slot::new, RING, DaemonThreadFactory.INSTANCE,
                ProducerType.SINGLE, new YieldingWaitStrategy());
        EventHandler<Slot> handler = (slot, seq, endOfBatch) -> ringSeen.lazySet(slot.value);
        disruptor.handleEventsWith(handler);
        ring = disruptor.start();
        queue = new ArrayBlockingQueue<>(RING);
        queueConsumer = new Thread(this::drainQueue, "queue-consumer");
        queueConsumer.setDaemon(true);
        queueConsumer.start();
    }

    private void drainQueue() {
        try {
            while (true) {
                long v = queue.take();
                if (v == STOP) {
                    return;
                }
                queueSeen.lazySet(v);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long disruptorHop() {
        long last = 0;
        for (int i = 0; i < BATCH; i++) {
            last = ++published;
            long seq = ring.next();
            ring.get(seq).value = last;
            ring.publish(seq);
        }
        while (ringSeen.get() != last) {
            Thread.onSpinWait();
        }
        return last;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long blockingQueueHop() throws InterruptedException {
        long last = 0;
        for (int i = 0; i < BATCH; i++) {
            last = ++published;
            queue.put(last);
        }
        while (queueSeen.get() != last) {
            Thread.onSpinWait();
        }
        return last;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        disruptor.shutdown();
        queue.put(STOP);
        queueConsumer.join(10_000);
    }
}
