package io.paddock.protocol;

import io.paddock.protocol.op.OpCode;

/**
 * One result of a multi or multiRead. {@code type} is the op code of the op, or {@link
 * OpCode#ERROR} when it failed or was rolled back; {@code err} is the error code (0 for a
 * success); {@code response} is the op's response record, or null for delete and check.
 *
 * <p>Creates that report a stat use {@link OpCode#CREATE2}: the ZooKeeper client reads no other
 * create type in a multi response, so container and TTL creates are written as create2.
 */
public record MultiResult(int type, int err, Record response) {

    /** The result of an op that failed with {@code err}, or was undone because another failed. */
    public static MultiResult error(int err) {
        return new MultiResult(OpCode.ERROR, err, new ErrorResponse(err));
    }
}
