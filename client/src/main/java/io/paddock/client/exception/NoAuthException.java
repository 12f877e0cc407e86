package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The session lacks the permission the node's ACL demands ({@link ErrorCode#NO_AUTH}). */
public class NoAuthException extends PaddockException {
    public NoAuthException(String path) {
        super(ErrorCode.NO_AUTH, path);
    }
}
