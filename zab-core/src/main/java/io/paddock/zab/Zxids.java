package io.paddock.zab;

/**
 * Zxid arithmetic on raw {@code long}s, for code that keeps zxids unboxed (the log, the pipeline).
 *
 * <p>A zxid is a 64-bit number: the high 32 bits are the epoch of the leader that proposed the
 * txn, the low 32 bits a counter that the leader restarts in each epoch (Zab paper, section 3.4).
 * Ordering zxids as signed longs orders them by epoch, then counter, for every epoch below 2^31.
 *
 * <p>Thread-safe: stateless.
 */
public final class Zxids {

    /** The largest epoch or counter that fits its 32 bits. */
    public static final long MAX_PART = 0xffff_ffffL;

    private Zxids() {
    }

    /**
     * The zxid of the given epoch and counter.
     *
     * @throws IllegalArgumentException if either part is negative or above {@link #MAX_PART}
     */
    public static long make(long epoch, long counter) {
        checkPart("epoch", epoch);
        checkPart("counter", counter);
        return epoch << 32 | counter;
    }

    /** The epoch: the high 32 bits. */
    public static long epoch(long zxid) {
        return zxid >>> 32;
    }

    /** The counter within the epoch: the low 32 bits. */
    public static long counter(long zxid) {
        return zxid & MAX_PART;
    }

    /** The zxid as {@code 0x} and lower-case hex digits, as ZooKeeper prints it in logs and stats. */
    public static String toHexString(long zxid) {
        return "0x" + Long.toHexString(zxid);
    }

    private static void checkPart(String name, long value) {
        if (value < 0 || value > MAX_PART) {
            throw new IllegalArgumentException(name + " " + value + " does not fit in 32 bits");
        }
    }
}
