package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The server throttled the operation ({@link ErrorCode#THROTTLED_OP}). */
public class ThrottledOpException extends PaddockException {
    public ThrottledOpException(String path) {
        super(ErrorCode.THROTTLED_OP, path);
    }
}
