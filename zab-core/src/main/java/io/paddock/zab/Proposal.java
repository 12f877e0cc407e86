package io.paddock.zab;

import java.util.Arrays;
import java.util.Objects;

/**
 * A txn as the protocol moves it: its zxid, its type (opaque to the core; the server's txn op
 * code) and its serialized body (opaque too).
 *
 * <p>The array is not copied: whoever builds a proposal hands the array over and must not change
 * it afterwards.
 *
 * @param local what the proposing server built {@code data} from, kept so that its own apply need
 *     not decode its own bytes again; the core never reads it, never sends it and never compares
 *     it, and a proposal read back from a log or a message has none (null)
 */
public record Proposal(long zxid, int type, byte[] data, Object local) {

    public Proposal(long zxid, int type, byte[] data) {
        this(zxid, type, data, null);
    }

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
