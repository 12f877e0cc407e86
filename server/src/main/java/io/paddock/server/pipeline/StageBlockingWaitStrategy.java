package io.paddock.server.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A wait strategy that blocks, after a short spin, on whatever a handler waits for: the
 * producers' cursor <em>or</em> the handler in front of it.
 *
 * <p>Disruptor's {@code BlockingWaitStrategy} blocks only on the cursor; a handler behind
 * another handler busy-spins until that one finishes its batch. In our rings the persist
 * handler waits on prepare and the reply handler on apply, so under load two threads spun for
 * most of their life: on two cores that was a quarter of the server's CPU taken from the
 * stages doing work (seen in a JFR profile of the create row).
 *
 * <p>How a handler's progress wakes the one behind it without a hook in Disruptor: a
 * {@code BatchEventProcessor} stores its sequence and then, always, calls {@code waitFor}
 * again. So {@code waitFor} begins by waking any waiter. Waker and waiter are a Dekker pair:
 * the waker stores a sequence then swaps {@link #signalNeeded} to false; the waiter sets it
 * then reads the sequence; both are full barriers, so at least one sees the other, and the
 * lock means a signal cannot fall between the waiter's check and its sleep. The timed await
 * is only a backstop for code that advances a sequence some other way.
 *
 * <p>Only the first waker after a waiter arms the flag takes the lock: a burst of publishes to
 * a sleeping handler signals it once, not once per publish as {@code BlockingWaitStrategy}
 * does (the same idea as Disruptor's {@code LiteBlockingWaitStrategy}).
 */
public final class StageBlockingWaitStrategy implements WaitStrategy {
    /** Spins before blocking: a few microseconds, the time a neighbour takes to finish a small batch. */
    private static final int SPINS = 200;
    private static final long DEFAULT_BACKSTOP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private final long backstopNanos;
    /** Set by a thread about to sleep in {@link #block}; cleared by the waker that signals it. */
    private final AtomicBoolean signalNeeded = new AtomicBoolean();

    public StageBlockingWaitStrategy() {
        this(DEFAULT_BACKSTOP_NANOS);
    }

    /** @param backstopNanos the longest a sleeping handler waits without a signal */
    StageBlockingWaitStrategy(long backstopNanos) {
        this.backstopNanos = backstopNanos;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence,
            SequenceBarrier barrier) throws AlertException, InterruptedException {
        // The calling processor has just published its own progress: wake the handler behind it.
        signalAllWhenBlocking();
        // dependentSequence is the cursor for a first handler, else the handlers in front,
        // which never pass the cursor: waiting on it alone covers both cases.
        long available;
        int spins = SPINS;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (spins > 0) {
                spins--;
                Thread.onSpinWait();
            } else {
                block(sequence, dependentSequence, barrier);
            }
        }
        return available;
    }

    private void block(long sequence, Sequence awaited, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        lock.lock();
        try {
            while (true) {
                signalNeeded.getAndSet(true); // a full barrier before the read below
                if (awaited.get() >= sequence) {
                    return;
                }
                barrier.checkAlert();
                progressed.awaitNanos(backstopNanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called by producers after publishing, by alerts, and by every handler as it advances. */
    @Override
    public void signalAllWhenBlocking() {
        // getAndSet is a full barrier: the caller's sequence store is visible before the read.
        if (signalNeeded.getAndSet(false)) {
            lock.lock();
            try {
                progressed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "StageBlockingWaitStrategy{signalNeeded=" + signalNeeded + '}';
    }
}
