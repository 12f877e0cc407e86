package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** Ephemeral nodes may not have children ({@link ErrorCode#NO_CHILDREN_FOR_EPHEMERALS}). */
public class NoChildrenForEphemeralsException extends PaddockException {
    public NoChildrenForEphemeralsException(String path) {
        super(ErrorCode.NO_CHILDREN_FOR_EPHEMERALS, path);
    }
}
