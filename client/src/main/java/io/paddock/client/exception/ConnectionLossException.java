package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The connection was lost before the reply came; the operation may or may not have been applied ({@link ErrorCode#CONNECTION_LOSS}). */
public class ConnectionLossException extends PaddockException {
    public ConnectionLossException(String path) {
        super(ErrorCode.CONNECTION_LOSS, path);
    }
}
