package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The session is not known to the server ({@link ErrorCode#UNKNOWN_SESSION}). */
public class UnknownSessionException extends PaddockException {
    public UnknownSessionException(String path) {
        super(ErrorCode.UNKNOWN_SESSION, path);
    }
}
