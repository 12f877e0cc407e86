package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** A quota was exceeded ({@link ErrorCode#QUOTA_EXCEEDED}). */
public class QuotaExceededException extends PaddockException {
    public QuotaExceededException(String path) {
        super(ErrorCode.QUOTA_EXCEEDED, path);
    }
}
