package io.paddock.server.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
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
 * the waker stores a sequence then reads {@link #waiters}; the waiter raises {@link #waiters}
 * then reads the sequence; a full fence on each side means at least one sees the other, and
 * the lock means a signal cannot fall between the waiter's check and its sleep. The timed
 * await is only a backstop for code that advances a sequence some other way.
 *
 * <p>Signalling costs a fence and a volatile read when nobody waits, so a busy producer does
 * not take the lock on every publish, unlike {@code BlockingWaitStrategy}.
 */
public final class StageBlockingWaitStrategy implements WaitStrategy {
    /** Spins before blocking: a few microseconds, the time a neighbour takes to finish a small batch. */
    private static final int SPINS = 200;
    private static final long BACKSTOP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    /** Threads blocked (or about to block) in {@link #block}; changed only under {@link #lock}. */
    private volatile int waiters;

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
            waiters = waiters + 1;
            VarHandle.fullFence();
            while (awaited.get() < sequence) {
                barrier.checkAlert();
                progressed.awaitNanos(BACKSTOP_NANOS);
            }
        } finally {
            waiters = waiters - 1;
            lock.unlock();
        }
    }

    /** Called by producers after publishing, by alerts, and by every handler as it advances. */
    @Override
    public void signalAllWhenBlocking() {
        VarHandle.fullFence();
        if (waiters > 0) {
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
        return "StageBlockingWaitStrategy{waiters=" + waiters + '}';
    }
}
