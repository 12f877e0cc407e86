package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** An API usage error ({@link ErrorCode#API_ERROR}). */
public class ApiErrorException extends PaddockException {
    public ApiErrorException(String path) {
        super(ErrorCode.API_ERROR, path);
    }
}
