package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** A request or reply could not be encoded or decoded ({@link ErrorCode#MARSHALLING_ERROR}). */
public class MarshallingErrorException extends PaddockException {
    public MarshallingErrorException(String path) {
        super(ErrorCode.MARSHALLING_ERROR, path);
    }
}
