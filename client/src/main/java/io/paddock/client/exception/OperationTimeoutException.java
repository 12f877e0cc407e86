package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The operation timed out ({@link ErrorCode#OPERATION_TIMEOUT}). */
public class OperationTimeoutException extends PaddockException {
    public OperationTimeoutException(String path) {
        super(ErrorCode.OPERATION_TIMEOUT, path);
    }
}
