package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** Authentication failed ({@link ErrorCode#AUTH_FAILED}). */
public class AuthFailedException extends PaddockException {
    public AuthFailedException(String path) {
        super(ErrorCode.AUTH_FAILED, path);
    }
}
