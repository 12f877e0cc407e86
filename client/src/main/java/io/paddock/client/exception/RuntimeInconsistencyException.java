package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** A runtime inconsistency; inside a transaction, an op rolled back because another failed ({@link ErrorCode#RUNTIME_INCONSISTENCY}). */
public class RuntimeInconsistencyException extends PaddockException {
    public RuntimeInconsistencyException(String path) {
        super(ErrorCode.RUNTIME_INCONSISTENCY, path);
    }
}
