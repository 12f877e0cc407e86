package io.paddock.zab;

/**
 * A transaction id, for protocol code that wants a type rather than a raw {@code long}. Ordered by
 * epoch, then counter; see {@link Zxids} for the layout.
 *
 * @param value the 64-bit zxid
 */
public record Zxid(long value) implements Comparable<Zxid> {

    /** The zxid before any txn: epoch 0, counter 0. */
    public static final Zxid ZERO = new Zxid(0);

    /**
     * The zxid of the given epoch and counter.
     *
     * @throws IllegalArgumentException if either part does not fit in 32 unsigned bits
     */
    public static Zxid of(long epoch, long counter) {
        return new Zxid(Zxids.make(epoch, counter));
    }

    public long epoch() {
        return Zxids.epoch(value);
    }

    public long counter() {
        return Zxids.counter(value);
    }

    public String toHexString() {
        return Zxids.toHexString(value);
    }

    @Override
    public int compareTo(Zxid other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return toHexString();
    }
}
