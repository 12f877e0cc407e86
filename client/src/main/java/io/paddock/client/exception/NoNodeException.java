package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The node does not exist ({@link ErrorCode#NO_NODE}). */
public class NoNodeException extends PaddockException {
    public NoNodeException(String path) {
        super(ErrorCode.NO_NODE, path);
    }
}
