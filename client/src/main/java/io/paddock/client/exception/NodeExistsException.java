package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The node already exists ({@link ErrorCode#NODE_EXISTS}). */
public class NodeExistsException extends PaddockException {
    public NodeExistsException(String path) {
        super(ErrorCode.NODE_EXISTS, path);
    }
}
