package io.paddock.client.api;

import io.paddock.protocol.Stat;
import io.paddock.protocol.op.ErrorCode;

/**
 * The result of one operation of a committed (or failed) transaction, in the order the
 * operations were added.
 */
public sealed interface OpResult {

    /** A create; {@code path} is the created node's actual path (sequence suffix included). */
    record Create(String path, Stat stat) implements OpResult {
    }

    record SetData(Stat stat) implements OpResult {
    }

    record Delete() implements OpResult {
    }

    record Check() implements OpResult {
    }

    /**
     * A failed op, or one rolled back because another failed: the op that failed carries its
     * own code, the others {@link ErrorCode#RUNTIME_INCONSISTENCY} (or OK if it ran before it).
     */
    record Error(ErrorCode code) implements OpResult {
    }
}
