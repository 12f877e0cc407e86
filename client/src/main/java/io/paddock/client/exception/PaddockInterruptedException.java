package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/**
 * A synchronous call was interrupted while it waited for its reply. The operation may still be
 * applied; the thread's interrupt flag is set again before this is thrown.
 */
public class PaddockInterruptedException extends PaddockException {
    public PaddockInterruptedException(String path) {
        super(ErrorCode.SYSTEM_ERROR, path);
    }
}
