package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** An invalid callback was given ({@link ErrorCode#INVALID_CALLBACK}). */
public class InvalidCallbackException extends PaddockException {
    public InvalidCallbackException(String path) {
        super(ErrorCode.INVALID_CALLBACK, path);
    }
}
