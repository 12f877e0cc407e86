package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The node has children ({@link ErrorCode#NOT_EMPTY}). */
public class NotEmptyException extends PaddockException {
    public NotEmptyException(String path) {
        super(ErrorCode.NOT_EMPTY, path);
    }
}
