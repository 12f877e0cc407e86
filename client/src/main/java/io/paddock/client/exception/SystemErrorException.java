package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** A server-side error with no more specific code ({@link ErrorCode#SYSTEM_ERROR}). */
public class SystemErrorException extends PaddockException {
    public SystemErrorException(String path) {
        super(ErrorCode.SYSTEM_ERROR, path);
    }
}
