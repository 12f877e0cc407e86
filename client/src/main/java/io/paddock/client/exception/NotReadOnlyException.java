package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** A write was sent to a read-only server ({@link ErrorCode#NOT_READ_ONLY}). */
public class NotReadOnlyException extends PaddockException {
    public NotReadOnlyException(String path) {
        super(ErrorCode.NOT_READ_ONLY, path);
    }
}
