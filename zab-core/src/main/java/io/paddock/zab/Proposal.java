package io.paddock.zab;

import java.util.Arrays;
import java.util.Objects;

/**
 * A txn as the protocol moves it: its zxid, its type (opaque to the core; the server's txn op
 * code) and its serialized body (opaque too).
 *
 * <p>The array is not copied: whoever builds a proposal hands the array over and must not change
 * it afterwards.
 */
public record Proposal(long zxid, int type, byte[] data) {

    public Proposal {
        Objects.requireNonNull(data, "data");
        if (zxid <= 0) {
            throw new IllegalArgumentException("zxid must be positive: " + zxid);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Proposal that && zxid == that.zxid && type == that.type
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(zxid) * 31 + type;
    }

    @Override
    public String toString() {
        return "Proposal[" + Zxids.toHexString(zxid) + ", type=" + type + ", " + data.length + "B]";
    }
}
