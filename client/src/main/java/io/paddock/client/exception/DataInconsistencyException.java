package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** A data inconsistency was found ({@link ErrorCode#DATA_INCONSISTENCY}). */
public class DataInconsistencyException extends PaddockException {
    public DataInconsistencyException(String path) {
        super(ErrorCode.DATA_INCONSISTENCY, path);
    }
}
