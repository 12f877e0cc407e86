package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The session moved to another server ({@link ErrorCode#SESSION_MOVED}). */
public class SessionMovedException extends PaddockException {
    public SessionMovedException(String path) {
        super(ErrorCode.SESSION_MOVED, path);
    }
}
