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
    /** The last zxid handed out, or recovered; its epoch is the one zxids come from. */
    private final AtomicLong last;
    private final long maxCounter;
    private volatile boolean serving;

    public ZxidCounter(long lastZxid, long maxCounter) {
        this.last = new AtomicLong(lastZxid);
        this.maxCounter = maxCounter;
    }

    /** From now on zxids come from {@code epoch}, after {@code lastZxid} if it is in it. */
    public void establish(long epoch, long lastZxid) {
        long counter = Zxids.epoch(lastZxid) == epoch ? Zxids.counter(lastZxid) : 0;
        last.set(Zxids.make(epoch, counter));
        serving = true;
    }

    /** No epoch is established: {@link #next()} refuses until one is. */
    public void suspend() {
        serving = false;
    }

    /**
     * The next zxid.
     *
     * @throws IllegalStateException if no epoch is established or its counter is used up
     */
    public long next() {
        if (!serving) {
            throw new IllegalStateException("not a serving leader: no zxid to assign");
        }
        long zxid = last.incrementAndGet();
        if (Zxids.counter(zxid) > maxCounter || Zxids.counter(zxid) == 0) {
            throw new IllegalStateException("zxid counter of epoch " + Zxids.epoch(zxid - 1)
                    + " is used up");
        }
        return zxid;
    }

    /** The last zxid handed out (or recovered, or the start of the established epoch). */
    public long last() {
        return last.get();
    }
}
