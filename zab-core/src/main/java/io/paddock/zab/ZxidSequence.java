package io.paddock.zab;

/**
 * Hands out a leader's zxids in its epoch, for the runtime that assigns zxids before proposing
 * them (the server's prepare stage needs a txn's zxid to build it). Not thread-safe unless the
 * runtime makes it so.
 */
public final class ZxidSequence {
    private long epoch = -1;
    private long counter;
    private final long maxCounter;

    public ZxidSequence(long maxCounter) {
        this.maxCounter = maxCounter;
    }

    /** Start handing out zxids in {@code newEpoch}, after {@code lastZxid} if it is in that epoch. */
    public void establish(long newEpoch, long lastZxid) {
        epoch = newEpoch;
        counter = Zxids.epoch(lastZxid) == newEpoch ? Zxids.counter(lastZxid) : 0;
    }

    /** The next zxid, or -1 if no epoch is established or its counter is used up. */
    public long next() {
        if (epoch < 0 || counter >= maxCounter) {
            return -1;
        }
        return Zxids.make(epoch, ++counter);
    }
}
