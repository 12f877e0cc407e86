package io.paddock.storage.log;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One logged transaction: its zxid, its type (the ZooKeeper txn op code, opaque to storage) and its
 * serialized body.
 *
 * <p>Two txns are equal when their zxid, type and bytes are equal. The byte array is not copied, to
 * keep the write path free of copies: whoever builds a txn hands the array over and must not change
 * it afterwards.
 *
 * @param zxid the transaction id; logs require it to increase strictly
 * @param type the txn type, stored and returned as given
 * @param bytes the serialized txn body, never null
 */
public record Txn(long zxid, int type, byte[] bytes) {

    public Txn {
        Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Txn that
                && zxid == that.zxid
                && type == that.type
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(zxid) + type) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        int shown = Math.min(bytes.length, 16);
        String hex = HexFormat.of().formatHex(bytes, 0, shown);
        return "Txn[zxid=0x" + Long.toHexString(zxid) + ", type=" + type + ", length=" + bytes.length
                + ", bytes=" + hex + (shown < bytes.length ? "..." : "") + "]";
    }
}
