package io.paddock.zab.runtime;

import io.paddock.zab.Zxids;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out a serving leader's zxids to the prepare stage, in the epoch the core established.
 * Written by the prepare thread ({@link #next()}) and the driver ({@link #establish},
 * {@link #suspend()}); read by anyone ({@link #last()}: the four-letter words, the handshake's
 * "client is ahead of us" check).
 *
 * <p>Thread-safe.
 */
public final class ZxidCounter {
    /** The last zxid handed out, or recovered. */
    private final AtomicLong last;
    private final long maxCounter;
    /** The epoch zxids come from, or -1 while no epoch is established. */
    private volatile long epoch = -1;

    public ZxidCounter(long lastZxid, long maxCounter) {
        this.last = new AtomicLong(lastZxid);
        this.maxCounter = maxCounter;
    }

    /** From now on zxids come from {@code epoch}, after {@code lastZxid} if it is in it. */
    public void establish(long epoch, long lastZxid) {
        if (lastZxid > last.get()) {
            last.set(lastZxid);
        }
        this.epoch = epoch;
    }

    /** No epoch is established: {@link #next()} refuses until one is. */
    public void suspend() {
        epoch = -1;
    }

    /**
     * The next zxid. Called by one thread only (the prepare stage).
     *
     * @throws IllegalStateException if no epoch is established or its counter is used up
     */
    public long next() {
        long e = epoch;
        if (e < 0) {
            throw new IllegalStateException("not a serving leader: no zxid to assign");
        }
        long previous = last.get();
        long counter = Zxids.epoch(previous) == e ? Zxids.counter(previous) + 1 : 1;
        if (counter > maxCounter) {
            throw new IllegalStateException("zxid counter of epoch " + e + " is used up");
        }
        long zxid = Zxids.make(e, counter);
        last.set(zxid);
        return zxid;
    }

    /** The last zxid handed out, or recovered at start. */
    public long last() {
        return last.get();
    }
}
