package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The expected version did not match the node's version ({@link ErrorCode#BAD_VERSION}). */
public class BadVersionException extends PaddockException {
    public BadVersionException(String path) {
        super(ErrorCode.BAD_VERSION, path);
    }
}
