package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The request timed out ({@link ErrorCode#REQUEST_TIMEOUT}). */
public class RequestTimeoutException extends PaddockException {
    public RequestTimeoutException(String path) {
        super(ErrorCode.REQUEST_TIMEOUT, path);
    }
}
