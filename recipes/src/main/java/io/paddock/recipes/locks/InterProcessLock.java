package io.paddock.recipes.locks;

import java.time.Duration;

/** A lock shared across processes through the coordination service. */
public interface InterProcessLock {
    /** Blocks until the lock is held by the calling thread. */
    void acquire() throws InterruptedException;

    /** Waits at most {@code max} (null: no limit); true if the calling thread now holds the lock. */
    boolean acquire(Duration max) throws InterruptedException;

    /** Releases one hold of the calling thread; the lock goes when the last hold does. */
    void release();

    /** True if some thread of this process holds it through this object. */
    boolean isAcquiredInThisProcess();
}
