package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The arguments were invalid ({@link ErrorCode#BAD_ARGUMENTS}). */
public class BadArgumentsException extends PaddockException {
    public BadArgumentsException(String path) {
        super(ErrorCode.BAD_ARGUMENTS, path);
    }
}
