package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The session expired ({@link ErrorCode#SESSION_EXPIRED}). */
public class SessionExpiredException extends PaddockException {
    public SessionExpiredException(String path) {
        super(ErrorCode.SESSION_EXPIRED, path);
    }
}
