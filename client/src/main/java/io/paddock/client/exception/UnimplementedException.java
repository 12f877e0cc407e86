package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The server does not implement the operation ({@link ErrorCode#UNIMPLEMENTED}). */
public class UnimplementedException extends PaddockException {
    public UnimplementedException(String path) {
        super(ErrorCode.UNIMPLEMENTED, path);
    }
}
